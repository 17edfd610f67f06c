package org.reserveledger.api.demo;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.reserveledger.api.axon.CommandOrigin;
import org.reserveledger.api.commitment.StorageFees;
import org.reserveledger.domain.commitment.DrawMaterialCommand;
import org.reserveledger.domain.commitment.MakeCommitmentCommand;
import org.reserveledger.domain.commitment.RegisterManufacturerCommand;
import org.reserveledger.domain.commitment.ReplenishDrawsCommand;
import org.reserveledger.domain.inventory.DepositLotCommand;
import org.reserveledger.domain.inventory.DispatchTransferCommand;
import org.reserveledger.domain.inventory.FundingSource;
import org.reserveledger.domain.inventory.Lot;
import org.reserveledger.domain.inventory.ReceiveTransferCommand;
import org.reserveledger.domain.period.ClosePeriodCommand;
import org.reserveledger.domain.inventory.ReverseDepositCommand;
import org.reserveledger.domain.inventory.RegisterSiteCommand;
import org.reserveledger.domain.inventory.WithdrawStockCommand;
import org.reserveledger.domain.inventory.WithdrawalReason;
import org.reserveledger.domain.pricing.SetReferencePriceCommand;
import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.CountryCode;
import org.reserveledger.domain.shared.DepositId;
import org.reserveledger.domain.shared.DisruptionId;
import org.reserveledger.domain.shared.DrawId;
import org.reserveledger.domain.shared.LotId;
import org.reserveledger.domain.shared.ManufacturerId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.TransferId;
import org.reserveledger.domain.shared.Usd;
import org.reserveledger.domain.shared.WithdrawalId;
import org.reserveledger.domain.supply.DeclareDisruptionCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * With {@code reserve.demo=true} and an empty event store, issues a realistic reserve through the
 * command bus, as its users would: sites in several states, lots of battery, magnet and
 * semiconductor minerals bought from traders in many countries, manufacturers' commitments with
 * draws and replenishments, one declared disruption, and the financing behind it all. Dates lie
 * in the ten months before today, so every view, including overdue draws and storage fees, has
 * something true to show.
 */
@Component
@ConditionalOnProperty(name = "reserve.demo", havingValue = "true")
class DemoReserve implements ApplicationRunner {

    static final String ACTOR = "demo-loader";

    private static final Logger log = LoggerFactory.getLogger(DemoReserve.class);

    private final CommandGateway commands;
    private final JdbcClient jdbc;
    private final StorageFees storageFees;
    private final DemoFinancing financing;
    private final Clock clock;

    DemoReserve(CommandGateway commands, JdbcClient jdbc, StorageFees storageFees, DemoFinancing financing,
                Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.storageFees = storageFees;
        this.financing = financing;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        long events = jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
        if (events > 0) {
            log.info("Demo reserve not loaded: the event store already holds {} events", events);
            return;
        }
        LocalDate today = LocalDate.now(clock);
        // The reserve started ten months ago, so every date below lies in the past.
        LocalDate start = today.minusMonths(10).withDayOfMonth(1);
        log.info("Loading the demo reserve");

        financing.establish(this::send, start);

        site("NV-RENO-01", "Reno Strategic Depot", "NV", "60000");
        site("TX-HOUSTON-01", "Houston Ship Channel Warehouse", "TX", "80000");
        site("PA-PITTSBURGH-01", "Pittsburgh Metals Vault", "PA", "40000");
        site("TN-OAKRIDGE-01", "Oak Ridge Specialty Store", "TN", "20000");
        site("LA-BATONROUGE-01", "Baton Rouge River Terminal", "LA", "50000");

        price(Mineral.LITHIUM, "12500.00", start);
        price(Mineral.COBALT, "33000.00", start);
        price(Mineral.NICKEL, "16500.00", start);
        price(Mineral.GRAPHITE, "900.00", start);
        price(Mineral.GALLIUM, "700000.00", start);
        price(Mineral.GERMANIUM, "2800000.00", start);
        price(Mineral.NEODYMIUM, "95000.00", start);
        price(Mineral.DYSPROSIUM, "350000.00", start);

        LocalDate d = start.plusDays(20);
        deposit("NV-RENO-01", Mineral.LITHIUM, "carbonate", "8000", "11800.00", "Andes Lithium Trading", "CL", FundingSource.EXIM_LOAN, d);
        deposit("NV-RENO-01", Mineral.LITHIUM, "hydroxide", "6000", "13200.00", "Pilbara Spodumene Marketing", "AU", FundingSource.EXIM_LOAN, d.plusDays(9));
        deposit("TX-HOUSTON-01", Mineral.LITHIUM, "carbonate", "5000", "11600.00", "Salar Resources Trading", "AR", FundingSource.PRIVATE_CAPITAL, d.plusDays(30));
        deposit("TX-HOUSTON-01", Mineral.COBALT, "hydroxide", "4000", "31500.00", "Katanga Cobalt Traders", "CD", FundingSource.EXIM_LOAN, d.plusDays(12));
        deposit("PA-PITTSBURGH-01", Mineral.COBALT, "metal cathode", "2500", "34000.00", "Queensland Cobalt Metals", "AU", FundingSource.EXIM_LOAN, d.plusDays(40));
        deposit("PA-PITTSBURGH-01", Mineral.COBALT, "metal briquettes", "1500", "33200.00", "Luzon Nickel Cobalt", "PH", FundingSource.PRIVATE_CAPITAL, d.plusDays(55));
        deposit("LA-BATONROUGE-01", Mineral.NICKEL, "class 1 briquettes", "15000", "16200.00", "Sulawesi Nickel Partners", "ID", FundingSource.EXIM_LOAN, d.plusDays(15));
        deposit("LA-BATONROUGE-01", Mineral.NICKEL, "cathode", "9000", "16900.00", "Sudbury Base Metals", "CA", FundingSource.EXIM_LOAN, d.plusDays(45));
        deposit("TX-HOUSTON-01", Mineral.NICKEL, "mixed hydroxide", "6000", "15800.00", "Mindanao Mining Trade", "PH", FundingSource.PRIVATE_CAPITAL, d.plusDays(70));
        deposit("LA-BATONROUGE-01", Mineral.GRAPHITE, "flake", "20000", "820.00", "Cabo Delgado Graphite Export", "MZ", FundingSource.PRIVATE_CAPITAL, d.plusDays(25));
        deposit("TX-HOUSTON-01", Mineral.GRAPHITE, "spherical", "12000", "950.00", "Heilongjiang Carbon Trading", "CN", FundingSource.EXIM_LOAN, d.plusDays(35));
        deposit("NV-RENO-01", Mineral.GRAPHITE, "flake", "8000", "880.00", "Minas Grafite Comercial", "BR", FundingSource.PRIVATE_CAPITAL, d.plusDays(80));
        deposit("TN-OAKRIDGE-01", Mineral.GALLIUM, "4N metal", "60", "650000.00", "Yunnan Gallium Trading", "CN", FundingSource.EXIM_LOAN, d.plusDays(18));
        deposit("TN-OAKRIDGE-01", Mineral.GALLIUM, "6N metal", "40", "720000.00", "Rhine Semiconductor Metals", "DE", FundingSource.PRIVATE_CAPITAL, d.plusDays(60));
        deposit("TN-OAKRIDGE-01", Mineral.GERMANIUM, "zone-refined ingot", "30", "2700000.00", "Umicore Trading Partners", "BE", FundingSource.EXIM_LOAN, d.plusDays(28));
        deposit("TN-OAKRIDGE-01", Mineral.GERMANIUM, "dioxide", "25", "2650000.00", "Kootenay Germanium", "CA", FundingSource.PRIVATE_CAPITAL, d.plusDays(75));
        deposit("PA-PITTSBURGH-01", Mineral.NEODYMIUM, "NdPr oxide", "1800", "91000.00", "Pacific Rare Earths", "AU", FundingSource.EXIM_LOAN, d.plusDays(22));
        deposit("PA-PITTSBURGH-01", Mineral.NEODYMIUM, "NdPr oxide", "900", "88000.00", "Baotou Rare Earth Export", "CN", FundingSource.EXIM_LOAN, d.plusDays(50));
        deposit("NV-RENO-01", Mineral.NEODYMIUM, "metal", "500", "97000.00", "Mountain Pass Materials", "US", FundingSource.PRIVATE_CAPITAL, d.plusDays(90));
        deposit("TN-OAKRIDGE-01", Mineral.DYSPROSIUM, "oxide", "120", "330000.00", "Kachin Heavy Rare Earths", "MM", FundingSource.EXIM_LOAN, d.plusDays(33));
        deposit("TN-OAKRIDGE-01", Mineral.DYSPROSIUM, "oxide", "80", "345000.00", "Lynas Marketing Services", "MY", FundingSource.PRIVATE_CAPITAL, d.plusDays(65));

        // A lot keyed twice from one delivery note, and the duplicate reversed the next day.
        DepositId duplicate = deposit("NV-RENO-01", Mineral.GRAPHITE, "flake", "8000", "880.00", "Minas Grafite Comercial",
                "BR", FundingSource.PRIVATE_CAPITAL, d.plusDays(80));
        send(new ReverseDepositCommand(SiteId.of("NV-RENO-01"), duplicate,
                "entered twice from delivery note MGC-2291, the first entry stands"));

        // Prices move during the year; each takes effect from its own date only.
        price(Mineral.LITHIUM, "11900.00", start.plusMonths(4));
        price(Mineral.COBALT, "34500.00", start.plusMonths(6));
        price(Mineral.NICKEL, "17100.00", start.plusMonths(7));

        send(new WithdrawStockCommand(SiteId.of("TX-HOUSTON-01"), WithdrawalId.random(), Mineral.GRAPHITE,
                Tonnes.of("1500"), WithdrawalReason.ROTATION, "Rotation of aged spherical graphite",
                morning(start.plusMonths(5))));
        TransferId received = TransferId.random();
        send(new DispatchTransferCommand(received, SiteId.of("NV-RENO-01"), SiteId.of("TX-HOUSTON-01"), Mineral.LITHIUM,
                Tonnes.of("2500"), morning(start.plusMonths(6))));
        send(new ReceiveTransferCommand(received, morning(start.plusMonths(6).plusDays(4))));
        // Still in transit: dispatched ten days ago.
        send(new DispatchTransferCommand(TransferId.random(), SiteId.of("LA-BATONROUGE-01"), SiteId.of("PA-PITTSBURGH-01"),
                Mineral.NICKEL, Tonnes.of("3000"), morning(today.minusDays(10))));

        manufacturer("VOLTCELL", "VoltCell Batteries");
        manufacturer("GRIDWORKS-ENERGY", "GridWorks Energy Equipment");
        manufacturer("DATAVAULT-STORAGE", "DataVault Storage Systems");
        manufacturer("AEROSPACE-ONE", "Aerospace One Propulsion");
        LocalDate termStart = start.plusMonths(1);
        LocalDate termEnd = termStart.plusYears(5).minusDays(1);
        CommitmentId voltLithium = commitment("VOLTCELL", Mineral.LITHIUM, "5000", "13000.00", termStart, termEnd, "6500000.00", "12.00", 90);
        commitment("VOLTCELL", Mineral.COBALT, "2000", "34000.00", termStart, termEnd, "3400000.00", "15.00", 90);
        CommitmentId gridNickel = commitment("GRIDWORKS-ENERGY", Mineral.NICKEL, "8000", "17000.00", termStart, termEnd, "6800000.00", "10.00", 120);
        commitment("GRIDWORKS-ENERGY", Mineral.NEODYMIUM, "800", "96000.00", termStart, termEnd, "3840000.00", "40.00", 120);
        CommitmentId dataGallium = commitment("DATAVAULT-STORAGE", Mineral.GALLIUM, "30", "710000.00", termStart, termEnd, "1065000.00", "900.00", 60);
        commitment("DATAVAULT-STORAGE", Mineral.GERMANIUM, "20", "2850000.00", termStart, termEnd, "2850000.00", "2500.00", 60);
        commitment("AEROSPACE-ONE", Mineral.DYSPROSIUM, "60", "355000.00", termStart, termEnd, "1065000.00", "800.00", 60);
        commitment("AEROSPACE-ONE", Mineral.COBALT, "1000", "33500.00", termStart, termEnd, "1675000.00", "15.00", 60);

        // An early draw only partly replenished in time: overdue.
        LocalDate earlyDraw = today.minusDays(120).isBefore(termStart) ? termStart : today.minusDays(120);
        send(new DrawMaterialCommand(voltLithium, DrawId.random(), SiteId.of("NV-RENO-01"), Tonnes.of("800"), earlyDraw));
        replenish(voltLithium, "NV-RENO-01", "500", "12900.00", "Andes Lithium Trading", "CL", earlyDraw.plusDays(20));
        // A draw fully replenished.
        send(new DrawMaterialCommand(gridNickel, DrawId.random(), SiteId.of("LA-BATONROUGE-01"), Tonnes.of("1000"),
                today.minusDays(30).isBefore(termStart) ? termStart : today.minusDays(30)));
        replenish(gridNickel, "LA-BATONROUGE-01", "1000", "16400.00", "Sulawesi Nickel Partners", "ID",
                today.minusDays(10));

        // Export controls on gallium: draws become emergency draws on frozen entitlements.
        send(new DeclareDisruptionCommand(DisruptionId.random(), Mineral.GALLIUM,
                "Export controls on gallium by the dominant producer", today));
        send(new DrawMaterialCommand(dataGallium, DrawId.random(), SiteId.of("TN-OAKRIDGE-01"), Tonnes.of("12"), today));

        financing.operate(this::send, start, today);
        // The first quarter's books are closed: nothing dated in it, or before the reserve began, can change them.
        send(new ClosePeriodCommand(start.plusMonths(3).minusDays(1)));
        int months = storageFees.chargeThrough(today, ACTOR);
        log.info("Demo reserve loaded: {} storage fee months charged", months);
    }

    private void site(String id, String name, String state, String capacity) {
        send(new RegisterSiteCommand(SiteId.of(id), name, state, Tonnes.of(capacity)));
    }

    private void price(Mineral mineral, String price, LocalDate from) {
        send(new SetReferencePriceCommand(mineral, Usd.of(price), from, "Reserve governance board, monthly price committee"));
    }

    private DepositId deposit(String site, Mineral mineral, String form, String tonnes, String unitCost, String supplier,
                              String country, FundingSource funding, LocalDate received) {
        Lot lot = new Lot(LotId.random(), mineral, form, Tonnes.of(tonnes), Usd.of(unitCost), supplier,
                CountryCode.of(country), funding, morning(received));
        DepositId depositId = DepositId.random();
        send(new DepositLotCommand(SiteId.of(site), depositId, lot));
        return depositId;
    }

    /** Nine in the morning, UTC, when the demo's movements happen on their day. */
    private static Instant morning(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(9 * 3600);
    }

    private void manufacturer(String id, String name) {
        send(new RegisterManufacturerCommand(ManufacturerId.of(id), name));
    }

    private CommitmentId commitment(String manufacturer, Mineral mineral, String tonnes, String price, LocalDate start,
                                    LocalDate end, String upfrontFee, String storageFee, int replenishDays) {
        CommitmentId id = CommitmentId.random();
        send(new MakeCommitmentCommand(id, ManufacturerId.of(manufacturer), mineral, Tonnes.of(tonnes), Usd.of(price),
                start, end, Usd.of(upfrontFee), Usd.of(storageFee), replenishDays));
        return id;
    }

    private void replenish(CommitmentId commitment, String site, String tonnes, String unitCost, String supplier,
                           String country, LocalDate on) {
        send(new ReplenishDrawsCommand(commitment, DepositId.random(), LotId.random(), SiteId.of(site), Tonnes.of(tonnes),
                Usd.of(unitCost), supplier, CountryCode.of(country), on, morning(on)));
    }

    private Object send(Object command) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with(CommandOrigin.ACTOR, ACTOR).and(CommandOrigin.ACTOR_ROLE, "SYSTEM")));
    }

    /** Sends one command of the demo through the command bus. */
    interface Sender {
        Object send(Object command);
    }
}

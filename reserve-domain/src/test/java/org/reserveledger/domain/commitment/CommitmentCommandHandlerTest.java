package org.reserveledger.domain.commitment;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reserveledger.domain.inventory.DepositLotCommand;
import org.reserveledger.domain.inventory.FundingSource;
import org.reserveledger.domain.inventory.Lot;
import org.reserveledger.domain.inventory.RegisterSiteCommand;
import org.reserveledger.domain.inventory.Site;
import org.reserveledger.domain.inventory.StockDelivered;
import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.CountryCode;
import org.reserveledger.domain.shared.DepositId;
import org.reserveledger.domain.shared.DisruptionId;
import org.reserveledger.domain.shared.DomainRuleViolation;
import org.reserveledger.domain.shared.DrawId;
import org.reserveledger.domain.shared.LotId;
import org.reserveledger.domain.shared.ManufacturerId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.Usd;
import org.reserveledger.domain.supply.DeclareDisruptionCommand;
import org.reserveledger.domain.supply.MineralSupply;
import org.reserveledger.domain.supply.SupplyCommandHandler;
import org.reserveledger.domain.supply.SupplyLedger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Draws, replenishments and settlements across a commitment and a site, each in one unit of work.
 */
class CommitmentCommandHandlerTest {

    private static final SiteId SITE = SiteId.of("NV-RENO-01");
    private static final LocalDate START = LocalDate.parse("2026-01-01");

    private EventStore events;
    private final List<EventMessage<?>> published = new java.util.concurrent.CopyOnWriteArrayList<>();
    private CommitmentCommandHandler handler;
    private SupplyCommandHandler supply;
    private EventSourcingRepository<Site> sites;
    private FixedLedger ledger;

    @BeforeEach
    void repositories() {
        events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        events.subscribe(published::addAll);
        sites = EventSourcingRepository.builder(Site.class).eventStore(events).build();
        var commitments = EventSourcingRepository.builder(Commitment.class).eventStore(events).build();
        var manufacturers = EventSourcingRepository.builder(Manufacturer.class).eventStore(events).build();
        var supplies = EventSourcingRepository.builder(MineralSupply.class).eventStore(events).build();
        ledger = new FixedLedger();
        handler = new CommitmentCommandHandler(commitments, manufacturers, supplies, sites, ledger);
        supply = new SupplyCommandHandler(supplies, ledger);
        inUnitOfWork(() -> manufacturers.newInstance(() -> new Manufacturer(
                new RegisterManufacturerCommand(ManufacturerId.of("VOLTCELL"), "VoltCell"))));
        inUnitOfWork(() -> sites.newInstance(() -> new Site(new RegisterSiteCommand(SITE, "Reno", "NV", Tonnes.of("1000")))));
        inUnitOfWork(() -> {
            sites.load(SITE.value()).execute(site -> site.handle(new DepositLotCommand(SITE, DepositId.random(),
                    new Lot(LotId.random(), Mineral.COBALT, "hydroxide", Tonnes.of("100"), Usd.of("30000.00"), "Trader",
                            CountryCode.of("CD"), FundingSource.EXIM_LOAN, Instant.parse("2026-01-02T00:00:00Z")))));
            return null;
        });
    }

    @Test
    void refusesADrawThatWouldTakeOutstandingDrawsPastTheCommittedQuantity() {
        CommitmentId commitment = commitment("40");
        draw(commitment, "30");

        assertThatThrownBy(() -> draw(commitment, "10.001"))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("40.001 t").hasMessageContaining("40.000 t");
        assertThat(stockAtSite()).isEqualByComparingTo("70");
    }

    @Test
    void replenishmentSettlesTheOldestOpenDrawsFirstAndCannotExceedWhatIsOutstanding() {
        CommitmentId commitment = commitment("40");
        DrawId first = draw(commitment, "10");
        DrawId second = draw(commitment, "15");

        replenish(commitment, "12");

        DrawReplenished replenished = lastEvent(DrawReplenished.class);
        assertThat(replenished.allocations()).containsExactly(
                new DrawReplenished.Allocation(first, Tonnes.of("10")),
                new DrawReplenished.Allocation(second, Tonnes.of("2")));
        assertThatThrownBy(() -> replenish(commitment, "13.001"))
                .isInstanceOf(DomainRuleViolation.class)
                .extracting(e -> ((DomainRuleViolation) e).code()).isEqualTo("replenishment-exceeds-outstanding");
        // Replenished material may be drawn again: the limit counts outstanding draws, not all draws.
        draw(commitment, "27");
    }

    @Test
    void duringADisruptionDrawsAreEmergencyDrawsUpToTheFrozenEntitlement() {
        CommitmentId commitment = commitment("40");
        CommitmentId other = commitment("160");
        ledger.stock = Tonnes.of("100");
        ledger.commitments = List.of(new SupplyLedger.CommittedQuantity(commitment, Tonnes.of("40")),
                new SupplyLedger.CommittedQuantity(other, Tonnes.of("160")));
        inUnitOfWork(() -> {
            supply.handle(new DeclareDisruptionCommand(DisruptionId.random(), Mineral.COBALT, "Export ban",
                    LocalDate.parse("2026-03-01")));
            return null;
        });
        ledger.disrupted = true;

        // 100 t of stock for 200 t committed: half of each commitment.
        DrawOutcome outcome = inUnitOfWork(() -> handler.handle(new DrawMaterialCommand(commitment, DrawId.random(), SITE,
                Tonnes.of("20"), LocalDate.parse("2026-03-02"))));

        assertThat(outcome.emergency()).isTrue();
        assertThat(outcome.replenishBy()).isNull();
        assertThatThrownBy(() -> draw(commitment, "0.001"))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("emergency entitlement of 20.000 t");
    }

    @Test
    void settlementDeliversWhatWasNotDrawnAndEarnsTheAgreedPrice() {
        CommitmentId commitment = commitment("40");
        draw(commitment, "15");

        Usd proceeds = inUnitOfWork(() -> handler.handle(new SettleCommitmentCommand(commitment, SITE,
                LocalDate.parse("2027-01-01"))));

        assertThat(proceeds).isEqualTo(Usd.of("520000.00"));
        assertThat(lastEvent(StockDelivered.class).quantity()).isEqualTo(Tonnes.of("25"));
        assertThat(lastEvent(CommitmentSettled.class).outstandingDraws()).isEqualTo(Tonnes.of("15"));
        assertThat(stockAtSite()).isEqualByComparingTo("60");
        assertThatThrownBy(() -> inUnitOfWork(() -> handler.handle(new SettleCommitmentCommand(commitment, SITE,
                LocalDate.parse("2027-01-02"))))).isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void refusesSettlementBeforeTheEndDateAndChangesNothing() {
        CommitmentId commitment = commitment("40");
        long before = eventCount();

        assertThatThrownBy(() -> inUnitOfWork(() -> handler.handle(new SettleCommitmentCommand(commitment, SITE,
                LocalDate.parse("2026-12-30")))))
                .isInstanceOf(DomainRuleViolation.class)
                .extracting(e -> ((DomainRuleViolation) e).code()).isEqualTo("commitment-not-ended");
        assertThat(eventCount()).isEqualTo(before);
    }

    private CommitmentId commitment(String tonnes) {
        CommitmentId id = CommitmentId.random();
        inUnitOfWork(() -> {
            handler.handle(new MakeCommitmentCommand(id, ManufacturerId.of("VOLTCELL"), Mineral.COBALT, Tonnes.of(tonnes),
                    Usd.of("13000.00"), START, LocalDate.parse("2026-12-31"), Usd.of("1000.00"), Usd.of("10.00"), 30));
            return null;
        });
        return id;
    }

    private DrawId draw(CommitmentId commitment, String tonnes) {
        DrawId id = DrawId.random();
        inUnitOfWork(() -> handler.handle(new DrawMaterialCommand(commitment, id, SITE, Tonnes.of(tonnes),
                LocalDate.parse("2026-02-01"))));
        return id;
    }

    private void replenish(CommitmentId commitment, String tonnes) {
        inUnitOfWork(() -> {
            handler.handle(new ReplenishDrawsCommand(commitment, DepositId.random(), LotId.random(), SITE, Tonnes.of(tonnes),
                    Usd.of("31000.00"), "Back", CountryCode.of("US"), Instant.parse("2026-02-10T00:00:00Z")));
            return null;
        });
    }

    private java.math.BigDecimal stockAtSite() {
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (EventMessage<?> event : events.readEvents(SITE.value()).asStream().toList()) {
            if (event.getPayload() instanceof org.reserveledger.domain.inventory.LotDeposited d) {
                total = total.add(d.lot().quantity().value());
            } else if (event.getPayload() instanceof org.reserveledger.domain.inventory.StockDrawn d) {
                total = total.subtract(d.quantity().value());
            } else if (event.getPayload() instanceof StockDelivered d) {
                total = total.subtract(d.quantity().value());
            }
        }
        return total;
    }

    private <T> T lastEvent(Class<T> type) {
        return published.stream()
                .map(EventMessage::getPayload)
                .filter(type::isInstance)
                .map(type::cast)
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    private long eventCount() {
        return published.size();
    }

    private static <R> R inUnitOfWork(Callable<R> work) {
        try {
            var result = DefaultUnitOfWork.startAndGet(null).executeWithResult(work);
            if (result.isExceptional()) {
                Throwable failure = result.exceptionResult();
                if (failure instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(failure);
            }
            return result.getPayload();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final class FixedLedger implements SupplyLedger {
        Tonnes stock = Tonnes.ZERO;
        List<CommittedQuantity> commitments = List.of();
        boolean disrupted;

        @Override
        public Tonnes nationalStock(Mineral mineral) {
            return stock;
        }

        @Override
        public List<CommittedQuantity> activeCommitments(Mineral mineral) {
            return commitments;
        }

        @Override
        public Optional<Mineral> mineralOf(DisruptionId disruptionId) {
            return Optional.of(Mineral.COBALT);
        }

        @Override
        public boolean everDisrupted(Mineral mineral) {
            return disrupted;
        }
    }
}

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
import org.reserveledger.domain.supply.FixedSupplyLedger;
import org.reserveledger.domain.supply.SupplyLedger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
    private FixedSupplyLedger ledger;

    @BeforeEach
    void repositories() {
        events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        events.subscribe(published::addAll);
        sites = EventSourcingRepository.builder(Site.class).eventStore(events).build();
        var commitments = EventSourcingRepository.builder(Commitment.class).eventStore(events).build();
        var manufacturers = EventSourcingRepository.builder(Manufacturer.class).eventStore(events).build();
        var supplies = EventSourcingRepository.builder(MineralSupply.class).eventStore(events).build();
        ledger = new FixedSupplyLedger();
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
        // Replenished material may be drawn again from the replenishment's day: the limit counts outstanding draws.
        drawOn(commitment, "27", "2026-02-10");
        assertThatThrownBy(() -> draw(commitment, "27")).as("dated before the replenishment")
                .extracting(e -> ((DomainRuleViolation) e).code()).isEqualTo("draw-limit-exceeded");
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
        assertThatThrownBy(() -> drawOn(commitment, "0.001", "2026-03-03"))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("emergency entitlement of 20.000 t");
    }

    @Test
    void aDrawDatedBeforeADisruptionDeclaredLaterIsANormalDrawWithItsReplenishByDate() {
        CommitmentId commitment = commitment("40");
        declareWithEntitlements("2026-03-01", commitment);

        // Recorded after the declaration, dated before it: a normal draw on the commitment's terms, due back
        // 30 days later, and outstanding in the disruption until then, within its entitlement of 20 t.
        DrawOutcome outcome = drawOn(commitment, "15", "2026-02-15");

        assertThat(outcome.emergency()).isFalse();
        assertThat(outcome.replenishBy()).isEqualTo(LocalDate.parse("2026-02-15").plusDays(30));
        assertThat(lastEvent(MaterialDrawn.class).disruptionId()).isNull();
    }

    @Test
    void aBackDatedDrawAndAnEmergencyDrawStayWithinTheEntitlementWhicheverIsRecordedFirst() {
        // 40 t committed, entitled to 20 t in the disruption declared on 1 March.
        CommitmentId emergencyFirst = commitment("40");
        CommitmentId backDatedFirst = commitment("40");
        // 100 t of stock for 200 t committed: half of each commitment.
        ledger.stock = Tonnes.of("100");
        ledger.commitments = List.of(new SupplyLedger.CommittedQuantity(emergencyFirst, Tonnes.of("40")),
                new SupplyLedger.CommittedQuantity(backDatedFirst, Tonnes.of("40")),
                new SupplyLedger.CommittedQuantity(CommitmentId.random(), Tonnes.of("120")));
        inUnitOfWork(() -> {
            supply.handle(new DeclareDisruptionCommand(DisruptionId.random(), Mineral.COBALT, "Export ban",
                    LocalDate.parse("2026-03-01")));
            return null;
        });
        ledger.disrupted = true;

        drawOn(emergencyFirst, "20", "2026-03-05");
        assertThatThrownBy(() -> drawOn(emergencyFirst, "15", "2026-02-15"))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("would still be outstanding in disruption")
                .hasMessageContaining("above the emergency entitlement of 20.000 t");

        drawOn(backDatedFirst, "15", "2026-02-15");
        assertThatThrownBy(() -> drawOn(backDatedFirst, "20", "2026-03-05"))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("above the emergency entitlement of 20.000 t");
    }

    @Test
    void aDrawDatedWithinADisruptionIsAnEmergencyDrawFromItsFirstDayToItsLast() {
        CommitmentId commitment = commitment("40");
        DisruptionId disruption = declareWithEntitlements("2026-03-01", commitment);

        DrawOutcome onDeclaration = drawOn(commitment, "5", "2026-03-01");
        end(disruption, "2026-03-31");
        DrawOutcome onTheLastDay = drawOn(commitment, "5", "2026-03-31");
        DrawOutcome backDated = drawOn(commitment, "5", "2026-03-10");

        assertThat(onDeclaration.emergency()).isTrue();
        assertThat(onDeclaration.replenishBy()).as("due once the disruption ends").isNull();
        // Recorded after the end, so the replenish-by date is known at once: the end plus 30 days.
        assertThat(onTheLastDay.emergency()).isTrue();
        assertThat(onTheLastDay.replenishBy()).isEqualTo(LocalDate.parse("2026-03-31").plusDays(30));
        assertThat(backDated.emergency()).isTrue();
        assertThat(backDated.replenishBy()).isEqualTo(LocalDate.parse("2026-03-31").plusDays(30));
        assertThat(lastEvent(MaterialDrawn.class).disruptionId()).isEqualTo(disruption);
        // Entitlement 40 × 100/200 = 20 t; 15 t are outstanding within the disruption.
        assertThatThrownBy(() -> drawOn(commitment, "5.001", "2026-03-20"))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("emergency entitlement of 20.000 t").hasMessageContaining("20.001 t");
    }

    @Test
    void aDrawDatedAfterADisruptionEndedIsANormalDrawUpToTheCommittedQuantity() {
        CommitmentId commitment = commitment("40");
        DisruptionId disruption = declareWithEntitlements("2026-03-01", commitment);
        drawOn(commitment, "20", "2026-03-05");
        end(disruption, "2026-03-31");

        DrawOutcome outcome = drawOn(commitment, "20", "2026-04-01");

        assertThat(outcome.emergency()).isFalse();
        assertThat(outcome.replenishBy()).isEqualTo(LocalDate.parse("2026-04-01").plusDays(30));
        assertThatThrownBy(() -> drawOn(commitment, "0.001", "2026-04-02"))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("40.000 t committed");
    }

    @Test
    void aCommitmentMadeDuringADisruptionHasNoEntitlementAndDrawsOnlyAfterItEnds() {
        CommitmentId before = commitment("40");
        DisruptionId disruption = declareWithEntitlements("2026-03-01", before);
        CommitmentId during = commitment("40");
        long events = eventCount();

        assertThatThrownBy(() -> drawOn(during, "1", "2026-03-05"))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("1.000 t").hasMessageContaining("0.000 t").hasMessageContaining(disruption.toString())
                .extracting(e -> ((DomainRuleViolation) e).code()).isEqualTo("no-entitlement-during-disruption");
        assertThat(eventCount()).isEqualTo(events);
        // Dated before the declaration, it would still be outstanding in the disruption, where its entitlement is 0.
        assertThatThrownBy(() -> drawOn(during, "1", "2026-02-20")).as("dated before the declaration")
                .extracting(e -> ((DomainRuleViolation) e).code()).isEqualTo("draw-limit-exceeded");
        assertThat(eventCount()).isEqualTo(events);

        end(disruption, "2026-03-20");
        assertThatThrownBy(() -> drawOn(during, "1", "2026-03-20"))
                .extracting(e -> ((DomainRuleViolation) e).code()).isEqualTo("no-entitlement-during-disruption");
        assertThatThrownBy(() -> drawOn(during, "1", "2026-03-10")).as("back-dated into the disruption")
                .extracting(e -> ((DomainRuleViolation) e).code()).isEqualTo("no-entitlement-during-disruption");
        DrawOutcome after = drawOn(during, "39", "2026-03-21");
        assertThat(after.emergency()).isFalse();
        assertThat(after.replenishBy()).isEqualTo(LocalDate.parse("2026-03-21").plusDays(30));
    }

    @Test
    void theEntitlementsOfADisruptionNeverAddUpToMoreThanTheStockOnHandAtItsDeclaration() {
        java.util.Random random = new java.util.Random(20260301);
        for (int scenario = 0; scenario < 12; scenario++) {
            repositories();
            java.math.BigDecimal extra = kilograms(random, 400_000);
            if (extra.signum() > 0) {
                depositCobalt(extra);
            }
            Tonnes stock = Tonnes.of(new java.math.BigDecimal("100").add(extra));
            List<CommitmentId> before = new java.util.ArrayList<>();
            List<SupplyLedger.CommittedQuantity> committed = new java.util.ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
                Tonnes quantity = Tonnes.of(kilograms(random, 300_000).add(new java.math.BigDecimal("0.001")));
                CommitmentId id = commitment(quantity.value().toPlainString());
                before.add(id);
                committed.add(new SupplyLedger.CommittedQuantity(id, quantity));
            }
            ledger.stock = stock;
            ledger.commitments = committed;
            inUnitOfWork(() -> {
                supply.handle(new DeclareDisruptionCommand(DisruptionId.random(), Mineral.COBALT, "Scenario",
                        LocalDate.parse("2026-03-01")));
                return null;
            });
            ledger.disrupted = true;
            org.reserveledger.domain.supply.DisruptionDeclared declared =
                    lastEvent(org.reserveledger.domain.supply.DisruptionDeclared.class);
            List<CommitmentId> during = new java.util.ArrayList<>();
            for (int i = 0, n = random.nextInt(4); i < n; i++) {
                during.add(commitment(kilograms(random, 300_000).add(new java.math.BigDecimal("0.001")).toPlainString()));
            }

            java.math.BigDecimal entitled = declared.entitlements().stream()
                    .map(e -> e.tonnes().value()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
            assertThat(entitled).as("scenario %d: entitlements against %s on hand", scenario, stock)
                    .isLessThanOrEqualTo(stock.value());
            // Every commitment draws as much as it may during the disruption: together no more than the stock.
            java.math.BigDecimal drawn = java.math.BigDecimal.ZERO;
            for (SupplyLedger.CommittedQuantity c : committed) {
                Tonnes entitlement = declared.entitlements().stream().filter(e -> e.commitmentId().equals(c.commitmentId()))
                        .findFirst().orElseThrow().tonnes();
                if (c.quantity().exceeds(entitlement)) {
                    Tonnes over = entitlement.plus(Tonnes.of("0.001"));
                    assertThatThrownBy(() -> drawOn(c.commitmentId(), over.value().toPlainString(), "2026-03-02"))
                            .extracting(e -> ((DomainRuleViolation) e).code()).isEqualTo("draw-limit-exceeded");
                }
                if (entitlement.isPositive()) {
                    assertThat(drawOn(c.commitmentId(), entitlement.value().toPlainString(), "2026-03-02").emergency()).isTrue();
                    drawn = drawn.add(entitlement.value());
                }
            }
            for (CommitmentId c : during) {
                assertThatThrownBy(() -> drawOn(c, "0.001", "2026-03-02"))
                        .extracting(e -> ((DomainRuleViolation) e).code()).isEqualTo("no-entitlement-during-disruption");
            }
            assertThat(drawn).as("scenario %d", scenario).isLessThanOrEqualTo(stock.value());
            assertThat(stockAtSite()).isEqualByComparingTo(stock.value().subtract(drawn));
        }
    }

    @Test
    void aBackDatedDrawMayNotTakeOutstandingDrawsPastTheQuantityOnAnyLaterDay() {
        CommitmentId commitment = commitment("40");
        drawOn(commitment, "30", "2026-02-01");
        replenishOn(commitment, "30", "2026-03-01");

        // 30 t outstanding from 1 February to 1 March: another 30 t dated 15 February would make 60 t.
        assertThatThrownBy(() -> drawOn(commitment, "30", "2026-02-15"))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("60.000 t on 2026-02-15");
        assertThat(drawOn(commitment, "30", "2026-03-02").emergency()).isFalse();
        assertThatThrownBy(() -> replenishOn(commitment, "1", "2026-01-15"))
                .extracting(e -> ((DomainRuleViolation) e).code()).isEqualTo("replenishment-exceeds-outstanding");
    }

    @Test
    void aReplenishmentIsDatedOnItsDayAndItsLotReceivedThen() {
        CommitmentId commitment = commitment("40");
        drawOn(commitment, "10", "2026-02-01");

        replenishOn(commitment, "4", "2026-02-10");

        assertThat(lastEvent(DrawReplenished.class).replenishedOn()).isEqualTo(LocalDate.parse("2026-02-10"));
        assertThat(lastEvent(org.reserveledger.domain.inventory.LotDeposited.class).lot().receivedAt())
                .isEqualTo(org.reserveledger.domain.shared.BusinessDay.endOf(LocalDate.parse("2026-02-10")));
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

    private DrawOutcome drawOn(CommitmentId commitment, String tonnes, String on) {
        return inUnitOfWork(() -> handler.handle(new DrawMaterialCommand(commitment, DrawId.random(), SITE,
                Tonnes.of(tonnes), LocalDate.parse(on))));
    }

    private void replenishOn(CommitmentId commitment, String tonnes, String on) {
        inUnitOfWork(() -> {
            handler.handle(new ReplenishDrawsCommand(commitment, DepositId.random(), LotId.random(), SITE, Tonnes.of(tonnes),
                    Usd.of("31000.00"), "Back", CountryCode.of("US"), LocalDate.parse(on),
                    org.reserveledger.domain.shared.BusinessDay.endOf(LocalDate.parse(on))));
            return null;
        });
    }

    /** Declares a disruption of cobalt with 100 t on hand for the commitment and 160 t of others: half each. */
    private DisruptionId declareWithEntitlements(String on, CommitmentId commitment) {
        DisruptionId id = DisruptionId.random();
        ledger.stock = Tonnes.of("100");
        ledger.commitments = List.of(new SupplyLedger.CommittedQuantity(commitment, Tonnes.of("40")),
                new SupplyLedger.CommittedQuantity(CommitmentId.random(), Tonnes.of("160")));
        inUnitOfWork(() -> {
            supply.handle(new DeclareDisruptionCommand(id, Mineral.COBALT, "Export ban", LocalDate.parse(on)));
            return null;
        });
        ledger.disrupted = true;
        return id;
    }

    private void end(DisruptionId disruption, String on) {
        inUnitOfWork(() -> {
            supply.handle(new org.reserveledger.domain.supply.EndDisruptionCommand(disruption, LocalDate.parse(on)));
            return null;
        });
    }

    private void depositCobalt(java.math.BigDecimal tonnes) {
        inUnitOfWork(() -> {
            sites.load(SITE.value()).execute(site -> site.handle(new DepositLotCommand(SITE, DepositId.random(),
                    new Lot(LotId.random(), Mineral.COBALT, "hydroxide", Tonnes.of(tonnes), Usd.of("30000.00"), "Trader",
                            CountryCode.of("CD"), FundingSource.EXIM_LOAN, Instant.parse("2026-01-03T00:00:00Z")))));
            return null;
        });
    }

    /** A random quantity below {@code bound} kilograms, in tonnes. */
    private static java.math.BigDecimal kilograms(java.util.Random random, int bound) {
        return java.math.BigDecimal.valueOf(random.nextInt(bound), 3);
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
}

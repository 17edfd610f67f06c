package org.reserveledger.domain.inventory;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reserveledger.domain.shared.CountryCode;
import org.reserveledger.domain.shared.DepositId;
import org.reserveledger.domain.shared.DomainRuleViolation;
import org.reserveledger.domain.shared.LotId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.TransferId;
import org.reserveledger.domain.shared.UnknownResource;
import org.reserveledger.domain.shared.Usd;
import org.reserveledger.domain.shared.WithdrawalId;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Transfers change two sites in one unit of work: the dispatch at the source and the reservation
 * at the destination are stored together or not at all, and the lots keep who they are.
 */
class TransferCommandHandlerTest {

    private static final SiteId RENO = SiteId.of("NV-RENO-01");
    private static final SiteId HOUSTON = SiteId.of("TX-HOUSTON-01");
    private static final SiteId UNKNOWN = SiteId.of("ZZ-NOWHERE-01");
    // Business instants of the transfers below: after every lot was received.
    private static final Instant DISPATCHED = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2026-04-03T00:00:00Z");

    // Deposited at Reno in this order; the Chilean lot was received first.
    private static final Lot AUSTRALIAN = lot("AU", "8", "2026-02-01T00:00:00Z", FundingSource.PRIVATE_CAPITAL, "31000.00");
    private static final Lot CHILEAN = lot("CL", "8", "2026-01-01T00:00:00Z", FundingSource.EXIM_LOAN, "29500.50");
    // Held at Houston before any transfer; received between the two Reno lots.
    private static final Lot BRAZILIAN = lot("BR", "5", "2026-01-15T00:00:00Z", FundingSource.EXIM_LOAN, "30000.00");

    private EventStore events;
    private EventSourcingRepository<Site> sites;
    private InMemoryRoutes routes;
    private TransferCommandHandler handler;

    @BeforeEach
    void twoSites() {
        events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        sites = EventSourcingRepository.builder(Site.class).eventStore(events).build();
        routes = new InMemoryRoutes();
        handler = new TransferCommandHandler(sites, routes);
        register(RENO, "100");
        register(HOUSTON, "15");
        deposit(RENO, AUSTRALIAN);
        deposit(RENO, CHILEAN);
    }

    @Test
    void dispatchTakesTheOldestLotsAtTheSourceAndReservesRoomAtTheDestination() {
        TransferId transfer = TransferId.random();

        List<LotPortion> portions = inUnitOfWork(() -> handler.handle(
                new DispatchTransferCommand(transfer, RENO, HOUSTON, Mineral.COBALT, Tonnes.of("10"), DISPATCHED)));

        List<Lot> moved = List.of(CHILEAN, AUSTRALIAN.withQuantity(Tonnes.of("2")));
        assertThat(portions).containsExactly(new LotPortion(CHILEAN.lotId(), Tonnes.of("8")),
                new LotPortion(AUSTRALIAN.lotId(), Tonnes.of("2")));
        assertThat(lastPayload(RENO)).isEqualTo(
                new StockDispatched(RENO, transfer, HOUSTON, Mineral.COBALT, Tonnes.of("10"), moved, DISPATCHED));
        assertThat(lastPayload(HOUSTON)).isEqualTo(
                new InboundTransferReserved(HOUSTON, transfer, RENO, Mineral.COBALT, Tonnes.of("10"), moved,
                        DISPATCHED));
        assertThat(routes.destinationOf(transfer)).contains(HOUSTON);
    }

    @Test
    void dispatchedMaterialLeavesTheSourceAtOnce() {
        dispatch(RENO, HOUSTON, "10");

        assertThatThrownBy(() -> withdraw(RENO, "6.001"))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessage("withdrawal of 6.001 t COBALT exceeds the 6.000 t available at NV-RENO-01");
        assertThat(withdraw(RENO, "6")).containsExactly(new LotPortion(AUSTRALIAN.lotId(), Tonnes.of("6")));
    }

    @Test
    void materialInTransitHoldsRoomAtTheDestinationButIsNotYetOnHand() {
        dispatch(RENO, HOUSTON, "10");

        assertThatThrownBy(() -> withdraw(HOUSTON, "0.001"))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessage("withdrawal of 0.001 t COBALT exceeds the 0.000 t available at TX-HOUSTON-01");
        assertThatThrownBy(() -> deposit(HOUSTON, BRAZILIAN.withQuantity(Tonnes.of("5.001"))))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessage("deposit of 5.001 t exceeds the 5.000 t free at TX-HOUSTON-01 "
                        + "(capacity 15.000 t, 10.000 t used or reserved)");
    }

    @Test
    void aTransferWithoutRoomAtTheDestinationChangesNeitherSite() {
        long renoBefore = storedEvents(RENO);
        long houstonBefore = storedEvents(HOUSTON);

        assertThatThrownBy(() -> dispatch(RENO, HOUSTON, "15.001"))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.code()).isEqualTo("capacity-exceeded"))
                .hasMessage("transfer of 15.001 t exceeds the 15.000 t free at TX-HOUSTON-01 "
                        + "(capacity 15.000 t, 0.000 t used or reserved)");

        assertThat(storedEvents(RENO)).isEqualTo(renoBefore);
        assertThat(storedEvents(HOUSTON)).isEqualTo(houstonBefore);
        assertThat(routes.destinations).isEmpty();
        // All 16 t are still at Reno, oldest first.
        assertThat(withdraw(RENO, "16")).containsExactly(new LotPortion(CHILEAN.lotId(), Tonnes.of("8")),
                new LotPortion(AUSTRALIAN.lotId(), Tonnes.of("8")));
    }

    @Test
    void roomAlreadyReservedForAnEarlierTransferCounts() {
        dispatch(RENO, HOUSTON, "10");
        long renoBefore = storedEvents(RENO);
        long houstonBefore = storedEvents(HOUSTON);

        assertThatThrownBy(() -> dispatch(RENO, HOUSTON, "5.001"))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessage("transfer of 5.001 t exceeds the 5.000 t free at TX-HOUSTON-01 "
                        + "(capacity 15.000 t, 10.000 t used or reserved)");

        assertThat(storedEvents(RENO)).isEqualTo(renoBefore);
        assertThat(storedEvents(HOUSTON)).isEqualTo(houstonBefore);
    }

    @Test
    void aTransferBeyondStockAtTheSourceChangesNeitherSite() {
        long renoBefore = storedEvents(RENO);
        long houstonBefore = storedEvents(HOUSTON);

        // Houston sorts after Reno, so here the destination is loaded first: the other locking order.
        assertThatThrownBy(() -> dispatch(HOUSTON, RENO, "1"))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.code()).isEqualTo("insufficient-stock"))
                .hasMessage("transfer of 1.000 t COBALT exceeds the 0.000 t available at TX-HOUSTON-01");

        assertThat(storedEvents(RENO)).isEqualTo(renoBefore);
        assertThat(storedEvents(HOUSTON)).isEqualTo(houstonBefore);
        assertThat(routes.destinations).isEmpty();
    }

    @Test
    void aFailureAfterBothSitesAppliedTheirEventsStoresNeither() {
        // The dispatch and the reservation are both applied before recording the route fails.
        handler = new TransferCommandHandler(sites, new TransferRoutes() {
            @Override
            public void record(TransferId transferId, SiteId fromSiteId, SiteId toSiteId) {
                throw new IllegalStateException("route store unavailable");
            }

            @Override
            public Optional<SiteId> destinationOf(TransferId transferId) {
                return Optional.empty();
            }
        });
        long renoBefore = storedEvents(RENO);
        long houstonBefore = storedEvents(HOUSTON);

        assertThatThrownBy(() -> dispatch(RENO, HOUSTON, "10")).hasMessage("route store unavailable");

        assertThat(storedEvents(RENO)).isEqualTo(renoBefore);
        assertThat(storedEvents(HOUSTON)).isEqualTo(houstonBefore);
        assertThat(withdraw(RENO, "16")).hasSize(2);
    }

    @Test
    void refusesATransferToTheSameSite() {
        long renoBefore = storedEvents(RENO);

        assertThatThrownBy(() -> dispatch(RENO, RENO, "1"))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.code()).isEqualTo("transfer-to-same-site"))
                .hasMessage("a transfer needs two different sites, got NV-RENO-01 twice");

        assertThat(storedEvents(RENO)).isEqualTo(renoBefore);
    }

    @Test
    void refusesATransferOfNothing() {
        long renoBefore = storedEvents(RENO);
        long houstonBefore = storedEvents(HOUSTON);

        assertThatThrownBy(() -> dispatch(RENO, HOUSTON, "0"))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.code()).isEqualTo("quantity-not-positive"));

        assertThat(storedEvents(RENO)).isEqualTo(renoBefore);
        assertThat(storedEvents(HOUSTON)).isEqualTo(houstonBefore);
    }

    @Test
    void refusesATransferFromOrToAnUnknownSite() {
        long renoBefore = storedEvents(RENO);

        assertThatThrownBy(() -> dispatch(RENO, UNKNOWN, "1"))
                .isInstanceOf(UnknownResource.class).hasMessage("no site ZZ-NOWHERE-01");
        assertThatThrownBy(() -> dispatch(UNKNOWN, RENO, "1"))
                .isInstanceOf(UnknownResource.class).hasMessage("no site ZZ-NOWHERE-01");

        assertThat(storedEvents(RENO)).isEqualTo(renoBefore);
        assertThat(storedEvents(UNKNOWN)).isZero();
    }

    @Test
    void receiptPutsTheSameLotsOnHandAtTheDestination() {
        TransferId transfer = dispatch(RENO, HOUSTON, "10");
        receive(transfer);

        List<Lot> moved = List.of(CHILEAN, AUSTRALIAN.withQuantity(Tonnes.of("2")));
        assertThat(lastPayload(HOUSTON)).isEqualTo(
                new TransferReceived(HOUSTON, transfer, RENO, Mineral.COBALT, Tonnes.of("10"), moved, RECEIVED));
        // Each lot keeps its origin, supplier, cost, funding and the time it was first received.
        TransferReceived received = (TransferReceived) lastPayload(HOUSTON);
        assertThat(received.lots()).extracting(Lot::originCountry, Lot::supplier, Lot::unitCostUsd,
                        Lot::fundingSource, Lot::receivedAt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CountryCode.of("CL"), "Trader CL", Usd.of("29500.50"),
                                FundingSource.EXIM_LOAN, Instant.parse("2026-01-01T00:00:00Z")),
                        org.assertj.core.groups.Tuple.tuple(CountryCode.of("AU"), "Trader AU", Usd.of("31000.00"),
                                FundingSource.PRIVATE_CAPITAL, Instant.parse("2026-02-01T00:00:00Z")));
    }

    @Test
    void receivedLotsAreTakenAtTheDestinationInTheirOriginalReceiptOrder() {
        deposit(HOUSTON, BRAZILIAN);
        TransferId transfer = dispatch(RENO, HOUSTON, "10");
        receive(transfer);

        // Chilean (1 Jan, moved), Brazilian (15 Jan, local), Australian (1 Feb, moved).
        assertThat(withdraw(HOUSTON, "14")).containsExactly(
                new LotPortion(CHILEAN.lotId(), Tonnes.of("8")),
                new LotPortion(BRAZILIAN.lotId(), Tonnes.of("5")),
                new LotPortion(AUSTRALIAN.lotId(), Tonnes.of("1")));
        assertThatThrownBy(() -> withdraw(HOUSTON, "1.001"))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessage("withdrawal of 1.001 t COBALT exceeds the 1.000 t available at TX-HOUSTON-01");
    }

    @Test
    void theSourceNoLongerHoldsTheLotsAfterReceipt() {
        TransferId transfer = dispatch(RENO, HOUSTON, "10");
        receive(transfer);

        assertThat(withdraw(RENO, "6")).containsExactly(new LotPortion(AUSTRALIAN.lotId(), Tonnes.of("6")));
        assertThatThrownBy(() -> withdraw(RENO, "0.001"))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessage("withdrawal of 0.001 t COBALT exceeds the 0.000 t available at NV-RENO-01");
    }

    @Test
    void receiptKeepsTheRoomTheTransferTookAtTheDestination() {
        TransferId transfer = dispatch(RENO, HOUSTON, "10");
        receive(transfer);

        assertThatThrownBy(() -> deposit(HOUSTON, BRAZILIAN.withQuantity(Tonnes.of("5.001"))))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessage("deposit of 5.001 t exceeds the 5.000 t free at TX-HOUSTON-01 "
                        + "(capacity 15.000 t, 10.000 t used or reserved)");
        deposit(HOUSTON, BRAZILIAN);
    }

    @Test
    void theDestinationReceivesATransferOnce() {
        TransferId transfer = dispatch(RENO, HOUSTON, "1");
        receive(transfer);
        long houstonBefore = storedEvents(HOUSTON);

        assertThatThrownBy(() -> receive(transfer))
                .isInstanceOfSatisfying(DomainRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("transfer-already-received"))
                .hasMessage("transfer " + transfer + " has already been received at TX-HOUSTON-01");

        assertThat(storedEvents(HOUSTON)).isEqualTo(houstonBefore);
        assertThat(withdraw(HOUSTON, "1")).containsExactly(new LotPortion(CHILEAN.lotId(), Tonnes.of("1")));
        assertThatThrownBy(() -> withdraw(HOUSTON, "0.001")).isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void refusesTheReceiptOfAnUnknownTransfer() {
        TransferId unknown = TransferId.random();
        long houstonBefore = storedEvents(HOUSTON);

        assertThatThrownBy(() -> receive(unknown))
                .isInstanceOf(UnknownResource.class)
                .hasMessage("no transfer " + unknown);

        assertThat(storedEvents(HOUSTON)).isEqualTo(houstonBefore);
    }

    private TransferId dispatch(SiteId from, SiteId to, String tonnes) {
        TransferId transfer = TransferId.random();
        inUnitOfWork(() -> handler.handle(new DispatchTransferCommand(transfer, from, to, Mineral.COBALT, Tonnes.of(tonnes),
                DISPATCHED)));
        return transfer;
    }

    private void receive(TransferId transfer) {
        inUnitOfWork(() -> {
            handler.handle(new ReceiveTransferCommand(transfer, RECEIVED));
            return null;
        });
    }

    private List<LotPortion> withdraw(SiteId site, String tonnes) {
        return inUnitOfWork(() -> sites.load(site.value()).invoke(s -> s.handle(new WithdrawStockCommand(site,
                WithdrawalId.random(), Mineral.COBALT, Tonnes.of(tonnes), WithdrawalReason.SALE, null, RECEIVED))));
    }

    private void register(SiteId site, String capacity) {
        inUnitOfWork(() -> sites.newInstance(() -> new Site(new RegisterSiteCommand(site, site.value(), "US",
                Tonnes.of(capacity)))));
    }

    private void deposit(SiteId site, Lot lot) {
        inUnitOfWork(() -> {
            sites.load(site.value()).execute(s -> s.handle(new DepositLotCommand(site, DepositId.random(), lot)));
            return null;
        });
    }

    private long storedEvents(SiteId site) {
        return events.readEvents(site.value()).asStream().count();
    }

    private Object lastPayload(SiteId site) {
        List<? extends DomainEventMessage<?>> stored = events.readEvents(site.value()).asStream().toList();
        return stored.getLast().getPayload();
    }

    private static Lot lot(String country, String tonnes, String receivedAt, FundingSource funding, String unitCost) {
        return new Lot(LotId.random(), Mineral.COBALT, "hydroxide", Tonnes.of(tonnes), Usd.of(unitCost),
                "Trader " + country, CountryCode.of(country), funding, Instant.parse(receivedAt));
    }

    private static <R> R inUnitOfWork(Callable<R> work) {
        var result = DefaultUnitOfWork.startAndGet(null).executeWithResult(work);
        if (result.isExceptional()) {
            if (result.exceptionResult() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(result.exceptionResult());
        }
        return result.getPayload();
    }

    private static final class InMemoryRoutes implements TransferRoutes {
        private final Map<TransferId, SiteId> destinations = new HashMap<>();

        @Override
        public void record(TransferId transferId, SiteId fromSiteId, SiteId toSiteId) {
            destinations.put(transferId, toSiteId);
        }

        @Override
        public Optional<SiteId> destinationOf(TransferId transferId) {
            return Optional.ofNullable(destinations.get(transferId));
        }
    }
}

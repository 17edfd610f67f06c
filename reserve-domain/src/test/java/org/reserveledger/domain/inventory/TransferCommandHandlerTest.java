package org.reserveledger.domain.inventory;

import org.axonframework.eventhandling.EventMessage;
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
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Transfers change two sites in one unit of work: both or neither.
 */
class TransferCommandHandlerTest {

    private static final SiteId RENO = SiteId.of("NV-RENO-01");
    private static final SiteId HOUSTON = SiteId.of("TX-HOUSTON-01");

    private final List<EventMessage<?>> published = new CopyOnWriteArrayList<>();
    private EventSourcingRepository<Site> sites;
    private TransferCommandHandler handler;
    private Lot older;

    @BeforeEach
    void sites() {
        EventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        events.subscribe(published::addAll);
        sites = EventSourcingRepository.builder(Site.class).eventStore(events).build();
        handler = new TransferCommandHandler(sites, new InMemoryRoutes());
        inUnitOfWork(() -> sites.newInstance(() -> new Site(new RegisterSiteCommand(RENO, "Reno", "NV", Tonnes.of("100")))));
        inUnitOfWork(() -> sites.newInstance(() -> new Site(new RegisterSiteCommand(HOUSTON, "Houston", "TX", Tonnes.of("10")))));
        older = lot("CL", "8", "2026-01-01T00:00:00Z");
        deposit(RENO, older);
        deposit(RENO, lot("AU", "8", "2026-02-01T00:00:00Z"));
    }

    @Test
    void aTransferWithoutRoomAtTheDestinationChangesNeitherSite() {
        int before = published.size();

        assertThatThrownBy(() -> dispatch(RENO, HOUSTON, "10.001"))
                .isInstanceOf(DomainRuleViolation.class)
                .extracting(e -> ((DomainRuleViolation) e).code()).isEqualTo("capacity-exceeded");

        assertThat(published).hasSize(before);
    }

    @Test
    void aTransferBeyondStockAtTheSourceChangesNeitherSite() {
        int before = published.size();

        assertThatThrownBy(() -> dispatch(HOUSTON, RENO, "1"))
                .isInstanceOf(DomainRuleViolation.class)
                .extracting(e -> ((DomainRuleViolation) e).code()).isEqualTo("insufficient-stock");

        assertThat(published).hasSize(before);
    }

    @Test
    void receivedLotsKeepTheirOriginCostAndReceiptTimeAtTheDestination() {
        TransferId transfer = dispatch(RENO, HOUSTON, "10");
        inUnitOfWork(() -> {
            handler.handle(new ReceiveTransferCommand(transfer));
            return null;
        });

        TransferReceived received = (TransferReceived) published.getLast().getPayload();
        assertThat(received.lots()).hasSize(2);
        assertThat(received.lots().getFirst()).isEqualTo(older);
        assertThat(received.lots().get(1).originCountry()).isEqualTo(CountryCode.of("AU"));
        assertThat(received.lots().get(1).quantity()).isEqualTo(Tonnes.of("2"));
        // At the destination the Chilean lot, received first anywhere, is still taken first.
        List<LotPortion> taken = inUnitOfWork(() -> sites.load(HOUSTON.value()).invoke(site -> site.handle(
                new WithdrawStockCommand(HOUSTON, WithdrawalId.random(), Mineral.COBALT, Tonnes.of("9"),
                        WithdrawalReason.SALE, null))));
        assertThat(taken).containsExactly(new LotPortion(older.lotId(), Tonnes.of("8")),
                new LotPortion(received.lots().get(1).lotId(), Tonnes.of("1")));
    }

    @Test
    void aTransferIsReceivedOnce() {
        TransferId transfer = dispatch(RENO, HOUSTON, "1");
        inUnitOfWork(() -> {
            handler.handle(new ReceiveTransferCommand(transfer));
            return null;
        });

        assertThatThrownBy(() -> inUnitOfWork(() -> {
            handler.handle(new ReceiveTransferCommand(transfer));
            return null;
        })).isInstanceOf(DomainRuleViolation.class).hasMessageContaining("already been received");
        assertThatThrownBy(() -> inUnitOfWork(() -> {
            handler.handle(new ReceiveTransferCommand(TransferId.random()));
            return null;
        })).isInstanceOf(UnknownResource.class);
    }

    @Test
    void refusesATransferToTheSameSite() {
        assertThatThrownBy(() -> dispatch(RENO, RENO, "1")).isInstanceOf(DomainRuleViolation.class);
    }

    private TransferId dispatch(SiteId from, SiteId to, String tonnes) {
        TransferId transfer = TransferId.random();
        inUnitOfWork(() -> handler.handle(new DispatchTransferCommand(transfer, from, to, Mineral.COBALT, Tonnes.of(tonnes))));
        return transfer;
    }

    private void deposit(SiteId site, Lot lot) {
        inUnitOfWork(() -> {
            sites.load(site.value()).execute(s -> s.handle(new DepositLotCommand(site, DepositId.random(), lot)));
            return null;
        });
    }

    private static Lot lot(String country, String tonnes, String receivedAt) {
        return new Lot(LotId.random(), Mineral.COBALT, "hydroxide", Tonnes.of(tonnes), Usd.of("30000.00"), "Trader " + country,
                CountryCode.of(country), FundingSource.EXIM_LOAN, Instant.parse(receivedAt));
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

package org.reserveledger.domain.inventory;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregate;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.reserveledger.domain.period.ClosedPeriods;
import org.reserveledger.domain.shared.CountryCode;
import org.reserveledger.domain.shared.DepositId;
import org.reserveledger.domain.shared.LotId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.Usd;
import org.reserveledger.domain.shared.WithdrawalId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Site} deciding an oldest-lots-first withdrawal, and applying the events that make its state, over a
 * site that has received {@code lots} lots of one mineral of which all but {@value #HELD} have been emptied by
 * earlier withdrawals, as at a site the reserve has run for years. The site keeps every lot it has held, with its
 * movements, since a reversal may bring one back; these benchmarks show what that history costs each command.
 * <p>
 * The benchmark lives in the aggregate's package to build its state through its own event sourcing handlers,
 * which are package-private, rather than through an event store.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class SiteWithdrawalBenchmark {

    /** Lots still holding something: the site's stock now, whatever its history. */
    static final int HELD = 10;

    private static final SiteId SITE = SiteId.of("NV-RENO-01");
    private static final Mineral MINERAL = Mineral.LITHIUM;
    private static final Tonnes LOT_QUANTITY = Tonnes.of("10");
    private static final Instant FIRST_RECEIPT = Instant.parse("2020-01-01T00:00:00Z");

    /** Every lot the site has received. */
    @Param({"100", "1000", "10000"})
    public int lots;

    private List<Object> history;
    private AnnotatedAggregate<Site> aggregate;
    private GenericCommandMessage<WithdrawStockCommand> withdrawal;
    private StockWithdrawn withdrawn;
    private WithdrawalReversed reversed;

    @Setup(Level.Trial)
    public void setUp() {
        history = history(lots);
        Site site = sourced(history);
        // The service gives the reversals' ClosedPeriods from its Spring context; here no period is closed.
        ClosedPeriods noneClosed = Optional::empty;
        AggregateModel<Site> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Site.class,
                MultiParameterResolverFactory.ordered(ClasspathParameterResolverFactory.forClass(Site.class),
                        new SimpleResourceParameterResolverFactory(List.of(noneClosed))));
        aggregate = new DecisionOnly(site, model);
        aggregate.initSequence(history.size() - 1L);

        // 15 t from the two oldest lots still held, a day after the last movement.
        Instant at = FIRST_RECEIPT.plus(Duration.ofHours(lots + 24));
        WithdrawStockCommand command = new WithdrawStockCommand(SITE, WithdrawalId.random(), MINERAL,
                Tonnes.of("15"), WithdrawalReason.SALE, "contract 2026-114", at);
        withdrawal = new GenericCommandMessage<>(command);

        List<Lot> oldestHeld = history.stream().filter(LotDeposited.class::isInstance).map(LotDeposited.class::cast)
                .map(LotDeposited::lot).skip(lots - HELD).limit(2).toList();
        List<Lot> taken = List.of(oldestHeld.get(0), oldestHeld.get(1).withQuantity(Tonnes.of("5")));
        withdrawn = new StockWithdrawn(SITE, command.withdrawalId(), MINERAL, command.quantity(), command.reason(),
                command.reference(), taken.stream().map(Lot::portion).toList(), at);
        reversed = new WithdrawalReversed(SITE, command.withdrawalId(), MINERAL, command.quantity(), taken, at,
                "entered twice");

        if (!withdrawn.lots().equals(decideWithdrawal()) || !withdrawn.lots().equals(decideAfterApplying())) {
            throw new IllegalStateException("the site did not take the two oldest lots still held");
        }
    }

    private Object decideAfterApplying() {
        applyWithdrawalAndItsReversal();
        return decideWithdrawal();
    }

    /**
     * The command handler {@code handle(WithdrawStockCommand)} run as Axon runs it on a loaded aggregate: the
     * handler found through the aggregate's model, the oldest lots held at the withdrawal's instant weighed, and
     * the {@link StockWithdrawn} event made. The event is not applied to the state, so that every call decides
     * over the same site; applying it is {@link #applyWithdrawalAndItsReversal}.
     */
    @Benchmark
    public Object decideWithdrawal() {
        try {
            return aggregate.handle(withdrawal);
        } catch (Exception e) {
            throw new IllegalStateException("the withdrawal was refused", e);
        }
    }

    /**
     * The event sourcing handlers of a withdrawal of two lots and of its reversal, which leaves the state as
     * before. Axon applies a decided event to the aggregate in the same command, and again whenever it sources
     * the aggregate from its events: this is the part of a command's cost that finds each lot taken among every
     * lot the site has held.
     */
    @Benchmark
    public Site applyWithdrawalAndItsReversal() {
        Site site = aggregate.getAggregateRoot();
        site.on(withdrawn);
        site.on(reversed);
        return site;
    }

    /**
     * Sourcing the site from its whole history ({@code 2 × lots − }{@value #HELD} events), as Axon does when
     * the aggregate is neither cached nor snapshotted: each deposit looks for its lot among those already held.
     */
    @Benchmark
    public Site sourceFromHistory() {
        return sourced(history);
    }

    /** Registration, then each lot's deposit, an hour after the last, and for the older ones its withdrawal. */
    static List<Object> history(int lots) {
        List<Object> events = new ArrayList<>(2 * lots);
        events.add(new SiteRegistered(SITE, "Reno bonded store", "NV", Tonnes.of("1000000")));
        for (int i = 0; i < lots; i++) {
            Instant receivedAt = FIRST_RECEIPT.plus(Duration.ofHours(i));
            Lot lot = new Lot(new LotId(new UUID(0, i)), MINERAL, "carbonate", LOT_QUANTITY, Usd.of("12500.00"),
                    "Albemarle", CountryCode.of("CL"), FundingSource.EXIM_LOAN, receivedAt);
            events.add(new LotDeposited(SITE, new DepositId(new UUID(1, i)), lot));
            if (i < lots - HELD) {
                events.add(new StockWithdrawn(SITE, new WithdrawalId(new UUID(2, i)), MINERAL, LOT_QUANTITY,
                        WithdrawalReason.ROTATION, "rotation " + i, List.of(lot.portion()),
                        receivedAt.plus(Duration.ofMinutes(30))));
            }
        }
        return events;
    }

    /** A site with {@code events} applied through its event sourcing handlers, in order. */
    static Site sourced(List<Object> events) {
        Site site = new Site();
        for (Object event : events) {
            switch (event) {
                case SiteRegistered registered -> site.on(registered);
                case LotDeposited deposited -> site.on(deposited);
                case StockWithdrawn stockWithdrawn -> site.on(stockWithdrawn);
                default -> throw new IllegalArgumentException("not in a benchmark's history: " + event);
            }
        }
        return site;
    }

    /** Axon's aggregate around the site, which lets the site decide but keeps the events it applies. */
    private static final class DecisionOnly extends AnnotatedAggregate<Site> {

        private EventMessage<?> last;

        DecisionOnly(Site site, AggregateModel<Site> model) {
            super(site, model, null);
        }

        @Override
        protected void publish(EventMessage<?> message) {
            last = message;
        }
    }
}

package org.reserveledger.domain.inventory;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.reserveledger.domain.period.ClosedPeriods;
import org.reserveledger.domain.shared.BusinessDay;
import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.DepositId;
import org.reserveledger.domain.shared.DomainRuleViolation;
import org.reserveledger.domain.shared.DrawId;
import org.reserveledger.domain.shared.LedgerBounds;
import org.reserveledger.domain.shared.LotId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.TransferId;
import org.reserveledger.domain.shared.UnknownResource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A storage site: its capacity, the lots it holds per mineral in first-in-first-out order with each lot's
 * movements in business time, and the room it has reserved for material in transit to it. It guards that its
 * stock is never negative at any business instant, that a movement takes only lots held at its own instant,
 * and that it never holds more than its capacity.
 */
public class Site {

    private static final Comparator<HeldLot> FIRST_IN_FIRST_OUT = Comparator.comparing(held -> held.lot().receivedAt());

    @AggregateIdentifier
    private SiteId siteId;
    private Tonnes capacity;
    private Tonnes used;
    // Every lot the site has held, with its movements; one with nothing left can take nothing at any instant.
    private Map<Mineral, List<HeldLot>> stock;
    // Keyed by the transfer's UUID, which snapshots can write as a JSON object key.
    private Map<UUID, InboundTransferReserved> inbound;
    // What a reversal needs to know of each deposit and withdrawal, keyed by their UUIDs.
    private Map<UUID, Deposit> deposits;
    private Map<UUID, Withdrawal> withdrawals;
    /** Each lot's place in its mineral's list in {@link #stock}; not part of the state, so never in a snapshot. */
    private transient Map<LotId, Integer> positions;

    protected Site() {
        // for Axon's event sourcing and snapshots
    }

    @CommandHandler
    public Site(RegisterSiteCommand command) {
        if (!command.capacity().isPositive()) {
            throw new DomainRuleViolation("capacity-not-positive", "a site's capacity must be positive");
        }
        apply(new SiteRegistered(command.siteId(), command.name(), command.state(), command.capacity()));
    }

    @CommandHandler
    public void handle(DepositLotCommand command) {
        Lot lot = command.lot();
        if (!lot.quantity().isPositive()) {
            throw new DomainRuleViolation("quantity-not-positive", "a deposit's quantity must be positive");
        }
        ensureRoomFor(lot.quantity(), "deposit");
        ensureValueWithinBounds(lot);
        apply(new LotDeposited(siteId, command.depositId(), lot));
    }

    @CommandHandler
    public List<LotPortion> handle(WithdrawStockCommand command) {
        List<Lot> taken = command.namedLots().isEmpty()
                ? takeOldestFirst(command.mineral(), command.quantity(), command.withdrawnAt(), "withdrawal")
                : takeNamed(command.mineral(), command.quantity(), command.namedLots(), command.withdrawnAt());
        List<LotPortion> portions = taken.stream().map(Lot::portion).toList();
        apply(new StockWithdrawn(siteId, command.withdrawalId(), command.mineral(), command.quantity(),
                command.reason(), command.reference(), portions, command.withdrawnAt()));
        return portions;
    }

    @CommandHandler
    public void handle(ReverseDepositCommand command, ClosedPeriods periods) {
        Deposit deposit = deposits.get(command.depositId().value());
        if (deposit == null) {
            throw new UnknownResource("no deposit " + command.depositId() + " at site " + siteId);
        }
        if (deposit.reversed()) {
            throw new DomainRuleViolation("already-reversed",
                    "deposit %s at %s has already been reversed".formatted(command.depositId(), siteId));
        }
        Lot lot = deposit.lot();
        if (lot.fundingSource() == FundingSource.MANUFACTURER_REPLENISHMENT) {
            throw new DomainRuleViolation("replenishment-not-reversible",
                    "deposit %s replenished a manufacturer's draws; it is corrected on its commitment, not reversed"
                            .formatted(command.depositId()));
        }
        periods.ensureOpen(BusinessDay.of(lot.receivedAt()), "deposit " + command.depositId());
        HeldLot held = held(lot);
        if (held.movedOtherThanBy(command.depositId().value())) {
            throw new DomainRuleViolation("lot-has-moved",
                    "deposit %s cannot be reversed: its lot %s has moved since it was received (%s of %s held at %s)"
                            .formatted(command.depositId(), lot.lotId(), held.quantity(), lot.quantity(), siteId));
        }
        apply(new DepositReversed(siteId, command.depositId(), lot, command.reason()));
    }

    @CommandHandler
    public void handle(ReverseWithdrawalCommand command, ClosedPeriods periods) {
        Withdrawal withdrawal = withdrawals.get(command.withdrawalId().value());
        if (withdrawal == null) {
            throw new UnknownResource("no withdrawal " + command.withdrawalId() + " at site " + siteId);
        }
        if (withdrawal.reversed()) {
            throw new DomainRuleViolation("already-reversed",
                    "withdrawal %s at %s has already been reversed".formatted(command.withdrawalId(), siteId));
        }
        periods.ensureOpen(BusinessDay.of(withdrawal.withdrawnAt()), "withdrawal " + command.withdrawalId());
        ensureRoomFor(withdrawal.quantity(), "reversal of withdrawal");
        // The lots the site keeps say what the withdrawn parts were: origin, supplier and cost travel with them.
        List<Lot> lots = withdrawal.lots().stream()
                .map(portion -> held(withdrawal.mineral(), portion).lot().withQuantity(portion.quantity())).toList();
        apply(new WithdrawalReversed(siteId, command.withdrawalId(), withdrawal.mineral(), withdrawal.quantity(),
                lots, withdrawal.withdrawnAt(), command.reason()));
    }

    /**
     * Gives up the oldest lots of a mineral held at {@code at} to a transfer. Called by
     * {@link TransferCommandHandler} in the same unit of work that reserves room at the destination.
     */
    List<Lot> dispatch(TransferId transferId, SiteId toSiteId, Mineral mineral, Tonnes quantity, Instant at) {
        List<Lot> taken = takeOldestFirst(mineral, quantity, at, "transfer");
        apply(new StockDispatched(siteId, transferId, toSiteId, mineral, quantity, taken, at));
        return taken;
    }

    /** Gives up the oldest lots of a mineral held at {@code at} to a manufacturer's draw. */
    public List<LotPortion> draw(CommitmentId commitmentId, DrawId drawId, Mineral mineral, Tonnes quantity, Instant at) {
        List<LotPortion> taken = takeOldestFirst(mineral, quantity, at, "draw").stream().map(Lot::portion).toList();
        apply(new StockDrawn(siteId, commitmentId, drawId, mineral, quantity, taken, at));
        return taken;
    }

    /** Delivers the oldest lots of a mineral held at {@code at} to a manufacturer settling its commitment. */
    public List<LotPortion> deliver(CommitmentId commitmentId, Mineral mineral, Tonnes quantity, Instant at) {
        List<LotPortion> taken = takeOldestFirst(mineral, quantity, at, "settlement delivery").stream()
                .map(Lot::portion).toList();
        apply(new StockDelivered(siteId, commitmentId, mineral, quantity, taken, at));
        return taken;
    }

    /** Receives a lot a manufacturer supplied to replenish its draws. */
    public void depositReplenishment(DepositId depositId, Lot lot) {
        if (lot.fundingSource() != FundingSource.MANUFACTURER_REPLENISHMENT) {
            throw new IllegalArgumentException("a replenishment lot is funded by MANUFACTURER_REPLENISHMENT");
        }
        ensureRoomFor(lot.quantity(), "replenishment");
        ensureValueWithinBounds(lot);
        apply(new LotDeposited(siteId, depositId, lot));
    }

    private static void ensureValueWithinBounds(Lot lot) {
        LedgerBounds.requireAmount("unitCostUsd", "the lot's value (quantityTonnes × unitCostUsd)", lot.value().value());
    }

    void reserveInbound(TransferId transferId, SiteId fromSiteId, Mineral mineral, Tonnes quantity, List<Lot> lots,
                        Instant dispatchedAt) {
        ensureRoomFor(quantity, "transfer");
        apply(new InboundTransferReserved(siteId, transferId, fromSiteId, mineral, quantity, lots, dispatchedAt));
    }

    void receive(TransferId transferId, Instant receivedAt) {
        InboundTransferReserved pending = inbound.get(transferId.value());
        if (pending == null) {
            throw new DomainRuleViolation("transfer-already-received",
                    "transfer " + transferId + " has already been received at " + siteId);
        }
        if (receivedAt.isBefore(pending.dispatchedAt())) {
            throw new DomainRuleViolation("receipt-before-dispatch",
                    "transfer %s was dispatched at %s; it cannot arrive at %s before, at %s"
                            .formatted(transferId, pending.dispatchedAt(), siteId, receivedAt));
        }
        apply(new TransferReceived(siteId, transferId, pending.fromSiteId(), pending.mineral(), pending.quantity(),
                pending.lots(), receivedAt));
    }

    void ensureRoomFor(Tonnes quantity, String operation) {
        Tonnes free = capacity.exceeds(used) ? capacity.minus(used) : Tonnes.ZERO;
        if (quantity.exceeds(free)) {
            throw new DomainRuleViolation("capacity-exceeded",
                    "%s of %s exceeds the %s free at %s (capacity %s, %s used or reserved)"
                            .formatted(operation, quantity, free, siteId, capacity, used));
        }
    }

    private List<Lot> takeOldestFirst(Mineral mineral, Tonnes quantity, Instant at, String operation) {
        if (!quantity.isPositive()) {
            throw new DomainRuleViolation("quantity-not-positive", "a " + operation + "'s quantity must be positive");
        }
        // Oldest first, until the quantity is made up: a withdrawal looks at no more lots than it takes from. A lot
        // with nothing left now can give nothing at any instant (what it gives is at most what it holds after every
        // later movement), so it is passed over.
        List<HeldLot> held = stock.getOrDefault(mineral, List.of());
        List<Lot> taken = new ArrayList<>();
        Tonnes remaining = quantity;
        Tonnes available = Tonnes.ZERO;
        for (HeldLot lot : held) {
            if (!lot.quantity().isPositive()) {
                continue;
            }
            Tonnes takeable = lot.takeableAt(at);
            available = available.plus(takeable);
            Tonnes part = takeable.min(remaining);
            if (part.isPositive()) {
                taken.add(lot.lot().withQuantity(part));
                remaining = remaining.minus(part);
                if (remaining.isZero()) {
                    return taken;
                }
            }
        }
        throw new DomainRuleViolation("insufficient-stock", "%s of %s %s exceeds the %s available at %s%s"
                .formatted(operation, quantity, mineral, available, siteId, since(held, at)));
    }

    private List<Lot> takeNamed(Mineral mineral, Tonnes quantity, List<LotPortion> named, Instant at) {
        Tonnes total = named.stream().map(LotPortion::quantity).reduce(Tonnes.ZERO, Tonnes::plus);
        if (!total.equals(quantity)) {
            throw new DomainRuleViolation("named-lots-mismatch",
                    "the named lots add up to %s, not the %s withdrawn".formatted(total, quantity));
        }
        List<HeldLot> lots = stock.getOrDefault(mineral, List.of());
        List<Lot> taken = new ArrayList<>();
        for (LotPortion portion : named) {
            if (!portion.quantity().isPositive()) {
                throw new DomainRuleViolation("quantity-not-positive", "each named lot's quantity must be positive");
            }
            HeldLot held = lots.stream().filter(l -> l.lot().lotId().equals(portion.lotId())).findFirst()
                    .orElseThrow(() -> new DomainRuleViolation("lot-not-held",
                            "lot %s holds no %s at %s".formatted(portion.lotId(), mineral, siteId)));
            Tonnes alreadyTaken = taken.stream().filter(t -> t.lotId().equals(portion.lotId()))
                    .map(Lot::quantity).reduce(Tonnes.ZERO, Tonnes::plus);
            Tonnes takeable = held.takeableAt(at);
            Tonnes left = takeable.exceeds(alreadyTaken) ? takeable.minus(alreadyTaken) : Tonnes.ZERO;
            if (portion.quantity().exceeds(left)) {
                throw new DomainRuleViolation("insufficient-stock", "withdrawal of %s from lot %s exceeds the %s it holds at %s%s"
                        .formatted(portion.quantity(), portion.lotId(), left, siteId, since(List.of(held), at)));
            }
            taken.add(held.lot().withQuantity(portion.quantity()));
        }
        return taken;
    }

    /** Says that a back-dated movement is measured against every later one, when there are later ones. */
    private static String since(List<HeldLot> lots, Instant at) {
        boolean later = lots.stream().flatMap(held -> held.movements().stream()).anyMatch(m -> m.at().isAfter(at));
        return later ? " on " + at + " and every later movement" : "";
    }

    private HeldLot held(Lot lot) {
        return held(lot.mineral(), lot.portion());
    }

    @EventSourcingHandler
    void on(SiteRegistered event) {
        siteId = event.siteId();
        capacity = event.capacity();
        used = Tonnes.ZERO;
        stock = new EnumMap<>(Mineral.class);
        inbound = new LinkedHashMap<>();
        deposits = new LinkedHashMap<>();
        withdrawals = new LinkedHashMap<>();
    }

    @EventSourcingHandler
    void on(LotDeposited event) {
        deposits.put(event.depositId().value(), new Deposit(event.lot(), false));
        arrive(event.lot(), event.lot().receivedAt(), event.depositId().value());
    }

    @EventSourcingHandler
    void on(DepositReversed event) {
        deposits.put(event.depositId().value(), new Deposit(event.lot(), true));
        undo(event.lot().mineral(), List.of(event.lot().portion()), event.depositId().value());
    }

    @EventSourcingHandler
    void on(StockWithdrawn event) {
        withdrawals.put(event.withdrawalId().value(),
                new Withdrawal(event.mineral(), event.quantity(), event.lots(), event.withdrawnAt(), false));
        leave(event.mineral(), event.lots(), event.withdrawnAt(), event.withdrawalId().value());
    }

    @EventSourcingHandler
    void on(WithdrawalReversed event) {
        List<LotPortion> portions = event.lots().stream().map(Lot::portion).toList();
        withdrawals.put(event.withdrawalId().value(), new Withdrawal(event.mineral(), event.quantity(), portions,
                event.withdrawnAt(), true));
        // As if the withdrawal had never happened: its own movements go, and every later balance is as before it.
        undo(event.mineral(), portions, event.withdrawalId().value());
    }

    @EventSourcingHandler
    void on(StockDispatched event) {
        leave(event.mineral(), event.lots().stream().map(Lot::portion).toList(), event.dispatchedAt(),
                event.transferId().value());
    }

    @EventSourcingHandler
    void on(StockDrawn event) {
        leave(event.mineral(), event.lots(), event.drawnAt(), event.drawId().value());
    }

    @EventSourcingHandler
    void on(StockDelivered event) {
        leave(event.mineral(), event.lots(), event.deliveredAt(), event.commitmentId().value());
    }

    @EventSourcingHandler
    void on(InboundTransferReserved event) {
        inbound.put(event.transferId().value(), event);
        used = used.plus(event.quantity());
    }

    @EventSourcingHandler
    void on(TransferReceived event) {
        inbound.remove(event.transferId().value());
        used = used.minus(event.quantity());
        event.lots().forEach(lot -> arrive(lot, event.receivedAt(), event.transferId().value()));
    }

    private HeldLot held(Mineral mineral, LotPortion portion) {
        int position = positionOf(portion.lotId());
        List<HeldLot> lots = stock.get(mineral);
        if (position < 0 || lots == null || position >= lots.size()
                || !lots.get(position).lot().lotId().equals(portion.lotId())) {
            throw new IllegalStateException("lot " + portion.lotId() + " is not held at " + siteId);
        }
        return lots.get(position);
    }

    /** Where a lot is in its mineral's list, or -1; the index is rebuilt when missing (as after a snapshot). */
    private int positionOf(LotId lotId) {
        if (positions == null) {
            positions = new HashMap<>();
            stock.values().forEach(lots -> {
                for (int i = 0; i < lots.size(); i++) {
                    positions.put(lots.get(i).lot().lotId(), i);
                }
            });
        }
        return positions.getOrDefault(lotId, -1);
    }

    private void arrive(Lot lot, Instant at, UUID reference) {
        List<HeldLot> lots = stock.computeIfAbsent(lot.mineral(), m -> new ArrayList<>());
        used = used.plus(lot.quantity());
        // Parts of one lot arriving separately (two transfers, say) are held as one lot again.
        int held = positionOf(lot.lotId());
        if (held >= 0) {
            lots.set(held, lots.get(held).moved(at, lot.quantity().value(), reference));
            return;
        }
        HeldLot arrived = HeldLot.received(lot, at, reference);
        int position = lots.size();
        while (position > 0 && FIRST_IN_FIRST_OUT.compare(lots.get(position - 1), arrived) > 0) {
            position--;
        }
        lots.add(position, arrived);
        if (position == lots.size() - 1) {
            positions.put(lot.lotId(), position);
        } else {
            positions = null; // the lots after it moved up one place
        }
    }

    private void leave(Mineral mineral, List<LotPortion> portions, Instant at, UUID reference) {
        for (LotPortion portion : portions) {
            replace(mineral, portion, held(mineral, portion).moved(at, portion.quantity().value().negate(), reference));
            used = used.minus(portion.quantity());
        }
    }

    /** Takes back what {@code reference} did to each lot, at whatever instants it did it. */
    private void undo(Mineral mineral, List<LotPortion> portions, UUID reference) {
        for (LotPortion portion : portions) {
            HeldLot held = held(mineral, portion);
            HeldLot undone = held.without(reference);
            replace(mineral, portion, undone);
            used = used.plus(undone.quantity()).minus(held.quantity());
        }
    }

    private void replace(Mineral mineral, LotPortion portion, HeldLot changed) {
        int position = positionOf(portion.lotId());
        if (position >= 0) {
            stock.get(mineral).set(position, changed);
        }
    }

    /** A deposit as recorded, for its reversal. */
    record Deposit(Lot lot, boolean reversed) {
    }

    /** What a withdrawal took from each lot, for its reversal. */
    record Withdrawal(Mineral mineral, Tonnes quantity, List<LotPortion> lots, Instant withdrawnAt, boolean reversed) {

        Withdrawal {
            lots = List.copyOf(lots);
        }
    }
}

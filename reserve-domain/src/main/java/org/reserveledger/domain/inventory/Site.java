package org.reserveledger.domain.inventory;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.DepositId;
import org.reserveledger.domain.shared.LedgerBounds;
import org.reserveledger.domain.shared.DomainRuleViolation;
import org.reserveledger.domain.shared.DrawId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.TransferId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A storage site: its capacity, the lots it holds per mineral in first-in-first-out order,
 * and the room it has reserved for material in transit to it. It guards that its stock is
 * never negative and that it never holds more than its capacity.
 */
public class Site {

    private static final Comparator<Lot> FIRST_IN_FIRST_OUT = Comparator.comparing(Lot::receivedAt);

    @AggregateIdentifier
    private SiteId siteId;
    private Tonnes capacity;
    private Tonnes used;
    private Map<Mineral, List<Lot>> stock;
    // Keyed by the transfer's UUID, which snapshots can write as a JSON object key.
    private Map<UUID, InboundTransferReserved> inbound;

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
                ? takeOldestFirst(command.mineral(), command.quantity(), "withdrawal")
                : takeNamed(command.mineral(), command.quantity(), command.namedLots());
        List<LotPortion> portions = taken.stream().map(Lot::portion).toList();
        apply(new StockWithdrawn(siteId, command.withdrawalId(), command.mineral(), command.quantity(),
                command.reason(), command.reference(), portions));
        return portions;
    }

    /**
     * Gives up the oldest lots of a mineral to a transfer. Called by {@link TransferCommandHandler}
     * in the same unit of work that reserves room at the destination.
     */
    List<Lot> dispatch(TransferId transferId, SiteId toSiteId, Mineral mineral, Tonnes quantity) {
        List<Lot> taken = takeOldestFirst(mineral, quantity, "transfer");
        apply(new StockDispatched(siteId, transferId, toSiteId, mineral, quantity, taken));
        return taken;
    }

    /** Gives up the oldest lots of a mineral to a manufacturer's draw. */
    public List<LotPortion> draw(CommitmentId commitmentId, DrawId drawId, Mineral mineral, Tonnes quantity, Instant at) {
        List<LotPortion> taken = takeOldestFirst(mineral, quantity, "draw").stream().map(Lot::portion).toList();
        apply(new StockDrawn(siteId, commitmentId, drawId, mineral, quantity, taken));
        return taken;
    }

    /** Delivers the oldest lots of a mineral to a manufacturer settling its commitment. */
    public List<LotPortion> deliver(CommitmentId commitmentId, Mineral mineral, Tonnes quantity, Instant at) {
        List<LotPortion> taken = takeOldestFirst(mineral, quantity, "settlement delivery").stream()
                .map(Lot::portion).toList();
        apply(new StockDelivered(siteId, commitmentId, mineral, quantity, taken));
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

    void reserveInbound(TransferId transferId, SiteId fromSiteId, Mineral mineral, Tonnes quantity, List<Lot> lots) {
        ensureRoomFor(quantity, "transfer");
        apply(new InboundTransferReserved(siteId, transferId, fromSiteId, mineral, quantity, lots));
    }

    void receive(TransferId transferId) {
        InboundTransferReserved pending = inbound.get(transferId.value());
        if (pending == null) {
            throw new DomainRuleViolation("transfer-already-received",
                    "transfer " + transferId + " has already been received at " + siteId);
        }
        apply(new TransferReceived(siteId, transferId, pending.fromSiteId(), pending.mineral(), pending.quantity(),
                pending.lots()));
    }

    void ensureRoomFor(Tonnes quantity, String operation) {
        Tonnes free = capacity.exceeds(used) ? capacity.minus(used) : Tonnes.ZERO;
        if (quantity.exceeds(free)) {
            throw new DomainRuleViolation("capacity-exceeded",
                    "%s of %s exceeds the %s free at %s (capacity %s, %s used or reserved)"
                            .formatted(operation, quantity, free, siteId, capacity, used));
        }
    }

    private List<Lot> takeOldestFirst(Mineral mineral, Tonnes quantity, String operation) {
        if (!quantity.isPositive()) {
            throw new DomainRuleViolation("quantity-not-positive", "a " + operation + "'s quantity must be positive");
        }
        List<Lot> lots = stock.getOrDefault(mineral, List.of());
        Tonnes available = lots.stream().map(Lot::quantity).reduce(Tonnes.ZERO, Tonnes::plus);
        if (quantity.exceeds(available)) {
            throw new DomainRuleViolation("insufficient-stock",
                    "%s of %s %s exceeds the %s available at %s".formatted(operation, quantity, mineral, available, siteId));
        }
        List<Lot> taken = new ArrayList<>();
        Tonnes remaining = quantity;
        for (Lot lot : lots) {
            if (remaining.isZero()) {
                break;
            }
            Tonnes part = lot.quantity().min(remaining);
            taken.add(lot.withQuantity(part));
            remaining = remaining.minus(part);
        }
        return taken;
    }

    private List<Lot> takeNamed(Mineral mineral, Tonnes quantity, List<LotPortion> named) {
        Tonnes total = named.stream().map(LotPortion::quantity).reduce(Tonnes.ZERO, Tonnes::plus);
        if (!total.equals(quantity)) {
            throw new DomainRuleViolation("named-lots-mismatch",
                    "the named lots add up to %s, not the %s withdrawn".formatted(total, quantity));
        }
        List<Lot> lots = stock.getOrDefault(mineral, List.of());
        List<Lot> taken = new ArrayList<>();
        for (LotPortion portion : named) {
            if (!portion.quantity().isPositive()) {
                throw new DomainRuleViolation("quantity-not-positive", "each named lot's quantity must be positive");
            }
            Lot lot = lots.stream().filter(l -> l.lotId().equals(portion.lotId())).findFirst()
                    .orElseThrow(() -> new DomainRuleViolation("lot-not-held",
                            "lot %s holds no %s at %s".formatted(portion.lotId(), mineral, siteId)));
            Tonnes alreadyTaken = taken.stream().filter(t -> t.lotId().equals(lot.lotId()))
                    .map(Lot::quantity).reduce(Tonnes.ZERO, Tonnes::plus);
            Tonnes left = lot.quantity().minus(alreadyTaken);
            if (portion.quantity().exceeds(left)) {
                throw new DomainRuleViolation("insufficient-stock",
                        "withdrawal of %s from lot %s exceeds the %s it holds at %s"
                                .formatted(portion.quantity(), lot.lotId(), left, siteId));
            }
            taken.add(lot.withQuantity(portion.quantity()));
        }
        return taken;
    }

    @EventSourcingHandler
    void on(SiteRegistered event) {
        siteId = event.siteId();
        capacity = event.capacity();
        used = Tonnes.ZERO;
        stock = new EnumMap<>(Mineral.class);
        inbound = new LinkedHashMap<>();
    }

    @EventSourcingHandler
    void on(LotDeposited event) {
        addLot(event.lot());
    }

    @EventSourcingHandler
    void on(StockWithdrawn event) {
        removePortions(event.mineral(), event.lots());
    }

    @EventSourcingHandler
    void on(StockDispatched event) {
        removePortions(event.mineral(), event.lots().stream().map(Lot::portion).toList());
    }

    @EventSourcingHandler
    void on(StockDrawn event) {
        removePortions(event.mineral(), event.lots());
    }

    @EventSourcingHandler
    void on(StockDelivered event) {
        removePortions(event.mineral(), event.lots());
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
        event.lots().forEach(this::addLot);
    }

    private void addLot(Lot lot) {
        List<Lot> lots = stock.computeIfAbsent(lot.mineral(), m -> new ArrayList<>());
        used = used.plus(lot.quantity());
        // Parts of one lot arriving separately (two transfers, say) are held as one lot again.
        for (int i = 0; i < lots.size(); i++) {
            Lot held = lots.get(i);
            if (held.lotId().equals(lot.lotId())) {
                lots.set(i, held.withQuantity(held.quantity().plus(lot.quantity())));
                return;
            }
        }
        int position = lots.size();
        while (position > 0 && FIRST_IN_FIRST_OUT.compare(lots.get(position - 1), lot) > 0) {
            position--;
        }
        lots.add(position, lot);
    }

    private void removePortions(Mineral mineral, List<LotPortion> portions) {
        List<Lot> lots = stock.get(mineral);
        for (LotPortion portion : portions) {
            for (int i = 0; i < lots.size(); i++) {
                Lot lot = lots.get(i);
                if (lot.lotId().equals(portion.lotId())) {
                    Tonnes left = lot.quantity().minus(portion.quantity());
                    if (left.isZero()) {
                        lots.remove(i);
                    } else {
                        lots.set(i, lot.withQuantity(left));
                    }
                    break;
                }
            }
            used = used.minus(portion.quantity());
        }
    }
}

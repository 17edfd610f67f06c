package org.reserveledger.domain.inventory;

import org.reserveledger.domain.shared.Tonnes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A lot a site holds or has held, with every change to its quantity there at the change's business instant
 * and what made it. What a movement dated {@code at} may take from it is the least the site holds of it at
 * {@code at} or after any later change: taking more would leave the lot negative at some business instant
 * after the fact. A lot with nothing left is kept with its history, since a reversal may bring it back.
 *
 * @param lot       the lot, holding its quantity at the site now
 * @param movements the changes to that quantity, in business-time order (equal instants in recording order)
 */
record HeldLot(Lot lot, List<Movement> movements) {

    HeldLot {
        movements = List.copyOf(movements);
    }

    static HeldLot received(Lot lot, Instant at, UUID reference) {
        return new HeldLot(lot, List.of(new Movement(at, lot.quantity().value(), reference)));
    }

    Tonnes quantity() {
        return lot.quantity();
    }

    /** What a movement at {@code at} may take from the lot without leaving it negative then or later. */
    Tonnes takeableAt(Instant at) {
        // Movements are in business-time order: the balance at {@code at} first, then the least after it.
        BigDecimal balance = BigDecimal.ZERO;
        BigDecimal least = null;
        for (Movement movement : movements) {
            if (movement.at().isAfter(at) && least == null) {
                least = balance;
            }
            balance = balance.add(movement.change());
            if (least != null) {
                least = least.min(balance);
            }
        }
        BigDecimal takeable = least == null ? balance : least;
        return takeable.signum() <= 0 ? Tonnes.ZERO : Tonnes.of(takeable);
    }

    /** Whether anything but {@code reference} ever moved the lot here. */
    boolean movedOtherThanBy(UUID reference) {
        return movements.stream().anyMatch(movement -> !movement.reference().equals(reference));
    }

    /** The lot after {@code change} (negative when taken) at {@code at}, made by {@code reference}. */
    HeldLot moved(Instant at, BigDecimal change, UUID reference) {
        List<Movement> changed = new ArrayList<>(movements);
        changed.add(new Movement(at, change, reference));
        // A stable sort keeps movements of one instant in the order they were recorded.
        changed.sort(Comparator.comparing(Movement::at));
        return new HeldLot(lot.withQuantity(Tonnes.of(lot.quantity().value().add(change))), changed);
    }

    /** The lot as if what {@code reference} did to it had never happened. */
    HeldLot without(UUID reference) {
        BigDecimal undone = movements.stream().filter(movement -> movement.reference().equals(reference))
                .map(Movement::change).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new HeldLot(lot.withQuantity(Tonnes.of(lot.quantity().value().subtract(undone))),
                movements.stream().filter(movement -> !movement.reference().equals(reference)).toList());
    }

    /**
     * A change to the lot's quantity at the site: positive when it arrives, negative when taken.
     *
     * @param reference the deposit, withdrawal, transfer, draw or commitment that made it
     */
    record Movement(Instant at, BigDecimal change, UUID reference) {
    }
}

package org.reserveledger.domain.period;

import org.reserveledger.domain.shared.DomainRuleViolation;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The day through which the books are closed, read on the command side in the transaction of the command
 * that depends on it, so a close and a command dated before it cannot both succeed.
 */
public interface ClosedPeriods {

    /** The last closed day, if any period has been closed. */
    Optional<LocalDate> closedThrough();

    /** Refuses a change to the books on {@code date} when that day is closed. */
    default void ensureOpen(LocalDate date, String what) {
        Optional<LocalDate> closed = closedThrough();
        if (closed.isPresent() && !date.isAfter(closed.get())) {
            throw new DomainRuleViolation("period-closed",
                    "%s is dated %s, in the period closed through %s".formatted(what, date, closed.get()));
        }
    }
}

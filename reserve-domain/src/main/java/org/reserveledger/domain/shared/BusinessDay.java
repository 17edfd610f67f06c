package org.reserveledger.domain.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Days of the books are UTC days. A fact known only by its day (a draw's {@code drawnOn}) stands at the
 * day's last microsecond, so the books at the end of that day hold it, and it can take what arrived that day.
 */
public final class BusinessDay {

    private BusinessDay() {
    }

    /** The day an instant falls on. */
    public static LocalDate of(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The last instant of a day the database can tell apart from the next day's first. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1_000);
    }

    /** The first instant after the day: the books at the end of {@code day} hold what happened before it. */
    public static Instant after(LocalDate day) {
        return day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}

package org.reserveledger.domain.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The span of business dates and instants the reserve's books mean: from 1900 to the end of 2200.
 * Anything outside it is a typing error, and beyond it instants no longer fit the stores' timestamps.
 */
public final class DateBounds {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2200, 12, 31);
    public static final Instant EARLIEST_INSTANT = EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant();
    /** The last instant of {@link #LATEST}. */
    public static final Instant LATEST_INSTANT = LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
    /** How the bound reads in a refusal. */
    public static final String RANGE = "between " + EARLIEST + " and " + LATEST;

    private DateBounds() {
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(EARLIEST_INSTANT) && !instant.isAfter(LATEST_INSTANT);
    }
}

package org.reserveledger.domain.period;

import java.time.LocalDate;

/**
 * The books were closed through {@code through}; {@code previous} is the close it moved on from, null for the first.
 */
public record PeriodClosed(LocalDate through, LocalDate previous) {
}

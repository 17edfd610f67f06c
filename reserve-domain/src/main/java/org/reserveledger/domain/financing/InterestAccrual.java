package org.reserveledger.domain.financing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Simple daily interest on outstanding principal: principal × rate ÷ 100 × days ÷ days in the
 * year. Kept exact (12 decimals) between flows; rounded to the cent only when paid or shown.
 */
public final class InterestAccrual {

    private static final int EXACT = 12;

    private InterestAccrual() {
    }

    public static BigDecimal between(BigDecimal principal, BigDecimal annualRatePct, DayCount dayCount,
                                     LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days <= 0 || principal.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return principal.multiply(annualRatePct).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(100L * dayCount.daysInYear()), EXACT, RoundingMode.HALF_EVEN);
    }
}

package org.reserveledger.domain.financing;

import org.reserveledger.domain.shared.Usd;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A facility's loan as its flows arrive in value-date order: the principal outstanding and the
 * interest accrued on it and not yet paid. Interest is simple and daily, principal × rate ÷ 100 ×
 * days ÷ days in the year, kept exact (12 decimals) between flows and rounded half to
 * even to the cent only when it is paid or shown. The facility splits repayments with it and the
 * financing view draws up each facility with it, so both always agree to the cent.
 *
 * @param accruedTo the value date interest has been accrued to: the latest flow's, or null before the first
 */
public record InterestAccrual(BigDecimal annualRatePct, DayCount dayCount, Usd principal, BigDecimal accruedInterest,
                              LocalDate accruedTo) {

    private static final int EXACT = 12;

    public InterestAccrual {
        Objects.requireNonNull(annualRatePct, "annual rate must not be null");
        Objects.requireNonNull(dayCount, "day count must not be null");
        Objects.requireNonNull(principal, "principal must not be null");
        Objects.requireNonNull(accruedInterest, "accrued interest must not be null");
    }

    /** A loan on these terms with nothing drawn yet. */
    public static InterestAccrual on(BigDecimal annualRatePct, DayCount dayCount) {
        return new InterestAccrual(annualRatePct, dayCount, Usd.ZERO, BigDecimal.ZERO, null);
    }

    /** The interest on {@code principal} from one date to a later one, exact; zero for no days. */
    public static BigDecimal between(BigDecimal principal, BigDecimal annualRatePct, DayCount dayCount,
                                     LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days <= 0 || principal.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return principal.multiply(annualRatePct).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(100L * dayCount.daysInYear()), EXACT, RoundingMode.HALF_EVEN);
    }

    /** The loan with interest accrued on the current principal up to {@code date}; it never goes back in time. */
    public InterestAccrual to(LocalDate date) {
        if (accruedTo == null) {
            return new InterestAccrual(annualRatePct, dayCount, principal, accruedInterest, date);
        }
        if (!date.isAfter(accruedTo)) {
            return this;
        }
        return new InterestAccrual(annualRatePct, dayCount, principal,
                accruedInterest.add(between(principal.value(), annualRatePct, dayCount, accruedTo, date)), date);
    }

    public InterestAccrual drawn(Usd amount, LocalDate valueDate) {
        InterestAccrual accrued = to(valueDate);
        return new InterestAccrual(annualRatePct, dayCount, accrued.principal.plus(amount), accrued.accruedInterest,
                accrued.accruedTo);
    }

    public InterestAccrual repaid(Usd interestPaid, Usd principalPaid, LocalDate valueDate) {
        InterestAccrual accrued = to(valueDate);
        // Paying the interest due, rounded to the cent, settles it: the fraction of a cent that
        // rounding left out is not carried into the next period.
        BigDecimal unpaid = interestPaid.equals(accrued.interestDue()) ? BigDecimal.ZERO
                : accrued.accruedInterest.subtract(interestPaid.value()).max(BigDecimal.ZERO);
        return new InterestAccrual(annualRatePct, dayCount, accrued.principal.minus(principalPaid), unpaid,
                accrued.accruedTo);
    }

    /** The accrued and unpaid interest, to the cent. */
    public Usd interestDue() {
        return Usd.rounded(accruedInterest);
    }

    /** Principal and interest due: the most a repayment may be. */
    public Usd owed() {
        return principal.plus(interestDue());
    }
}

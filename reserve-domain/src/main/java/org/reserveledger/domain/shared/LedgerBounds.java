package org.reserveledger.domain.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The largest figures one event may carry. Each field of a command has its own limit (at most 1e9 t,
 * at most USD 1e13), but their products do not: a lot of 1e9 t at USD 1e13 a tonne is worth USD 1e22.
 * Commands are refused when a figure they would record exceeds these bounds, so that every amount in
 * the stream fits the read models, the reports and a reader's arithmetic.
 */
public final class LedgerBounds {

    /** USD 1e15: a hundred thousand times the reserve's whole financing, and far beyond any real figure. */
    public static final BigDecimal MAX_AMOUNT_USD = new BigDecimal("1e15");
    /** The longest term of an offtake commitment. */
    public static final int MAX_TERM_YEARS = 50;

    private LedgerBounds() {
    }

    /**
     * Refuses an amount a command would record when it exceeds {@link #MAX_AMOUNT_USD}.
     *
     * @param field the request field that makes it too large
     * @param what  how the amount is formed, e.g. "the lot's value (quantity × unit cost)"
     */
    public static void requireAmount(String field, String what, BigDecimal amount) {
        if (amount.compareTo(MAX_AMOUNT_USD) > 0) {
            throw new OutOfLedgerBounds(field, "%s would be USD %s, above the ledger's bound of USD %s"
                    .formatted(what, amount.setScale(Usd.SCALE, RoundingMode.HALF_EVEN).toPlainString(),
                            MAX_AMOUNT_USD.toPlainString()));
        }
    }

    /** Refuses a commitment's term longer than {@link #MAX_TERM_YEARS}. */
    public static void requireTerm(String field, LocalDate start, LocalDate end) {
        if (end.isAfter(start.plusYears(MAX_TERM_YEARS))) {
            throw new OutOfLedgerBounds(field, "a term from %s to %s is longer than the %d years a commitment may run"
                    .formatted(start, end, MAX_TERM_YEARS));
        }
    }
}

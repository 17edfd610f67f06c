package org.reserveledger.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of US dollars, exact to the cent, never negative.
 */
public record Usd(BigDecimal value) implements Comparable<Usd> {

    public static final int SCALE = 2;
    public static final Usd ZERO = new Usd(BigDecimal.ZERO);

    public Usd {
        Objects.requireNonNull(value, "amount must not be null");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException("amounts have at most " + SCALE + " decimals: " + value.toPlainString());
        }
        value = value.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    @JsonCreator
    public static Usd of(BigDecimal value) {
        return new Usd(value);
    }

    public static Usd of(String value) {
        return new Usd(new BigDecimal(value));
    }

    /** Rounds an exact product or quotient to the cent, half to even (banker's rounding). */
    public static Usd rounded(BigDecimal exact) {
        return new Usd(exact.setScale(SCALE, RoundingMode.HALF_EVEN));
    }

    @Override
    @JsonValue
    public BigDecimal value() {
        return value;
    }

    public Usd plus(Usd other) {
        return new Usd(value.add(other.value));
    }

    public Usd minus(Usd other) {
        return new Usd(value.subtract(other.value));
    }

    /** The cost of a quantity at this price per tonne, to the cent. */
    public Usd times(Tonnes quantity) {
        return rounded(value.multiply(quantity.value()));
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    public boolean exceeds(Usd other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Usd other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return "USD " + value.toPlainString();
    }
}

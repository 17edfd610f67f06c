package org.reserveledger.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A quantity of material in metric tonnes, exact to the kilogram (three decimals), never negative.
 */
public record Tonnes(BigDecimal value) implements Comparable<Tonnes> {

    public static final int SCALE = 3;
    public static final Tonnes ZERO = new Tonnes(BigDecimal.ZERO);

    public Tonnes {
        Objects.requireNonNull(value, "tonnes must not be null");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("tonnes must not be negative: " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException("tonnes have at most " + SCALE + " decimals: " + value.toPlainString());
        }
        value = value.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    @JsonCreator
    public static Tonnes of(BigDecimal value) {
        return new Tonnes(value);
    }

    public static Tonnes of(String value) {
        return new Tonnes(new BigDecimal(value));
    }

    @Override
    @JsonValue
    public BigDecimal value() {
        return value;
    }

    public Tonnes plus(Tonnes other) {
        return new Tonnes(value.add(other.value));
    }

    /** The difference; throws when it would be negative, since stock below zero is not a quantity. */
    public Tonnes minus(Tonnes other) {
        return new Tonnes(value.subtract(other.value));
    }

    public Tonnes min(Tonnes other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    public boolean exceeds(Tonnes other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Tonnes other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString() + " t";
    }
}

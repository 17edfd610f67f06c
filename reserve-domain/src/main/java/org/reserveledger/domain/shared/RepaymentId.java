package org.reserveledger.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * One repayment of a loan facility.
 */
public record RepaymentId(UUID value) {

    public RepaymentId {
        Objects.requireNonNull(value, "RepaymentId must not be null");
    }

    public static RepaymentId random() {
        return new RepaymentId(UUID.randomUUID());
    }

    @JsonCreator
    public static RepaymentId of(UUID value) {
        return new RepaymentId(value);
    }

    @Override
    @JsonValue
    public UUID value() {
        return value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

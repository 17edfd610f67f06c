package org.reserveledger.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * One call of private capital from the investors.
 */
public record CapitalCallId(UUID value) {

    public CapitalCallId {
        Objects.requireNonNull(value, "CapitalCallId must not be null");
    }

    public static CapitalCallId random() {
        return new CapitalCallId(UUID.randomUUID());
    }

    @JsonCreator
    public static CapitalCallId of(UUID value) {
        return new CapitalCallId(value);
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

package org.reserveledger.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * One drawdown of a loan facility.
 */
public record DrawdownId(UUID value) {

    public DrawdownId {
        Objects.requireNonNull(value, "DrawdownId must not be null");
    }

    public static DrawdownId random() {
        return new DrawdownId(UUID.randomUUID());
    }

    @JsonCreator
    public static DrawdownId of(UUID value) {
        return new DrawdownId(value);
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

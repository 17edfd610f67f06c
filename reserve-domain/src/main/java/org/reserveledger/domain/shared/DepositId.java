package org.reserveledger.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * One recorded receipt of material at a site.
 */
public record DepositId(UUID value) {

    public DepositId {
        Objects.requireNonNull(value, "DepositId must not be null");
    }

    public static DepositId random() {
        return new DepositId(UUID.randomUUID());
    }

    @JsonCreator
    public static DepositId of(UUID value) {
        return new DepositId(value);
    }

    public static DepositId of(String value) {
        return new DepositId(UUID.fromString(value));
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

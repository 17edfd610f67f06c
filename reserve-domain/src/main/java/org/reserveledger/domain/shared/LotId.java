package org.reserveledger.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * A lot of material as received in one deposit; it keeps its id through transfers.
 */
public record LotId(UUID value) {

    public LotId {
        Objects.requireNonNull(value, "LotId must not be null");
    }

    public static LotId random() {
        return new LotId(UUID.randomUUID());
    }

    @JsonCreator
    public static LotId of(UUID value) {
        return new LotId(value);
    }

    public static LotId of(String value) {
        return new LotId(UUID.fromString(value));
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

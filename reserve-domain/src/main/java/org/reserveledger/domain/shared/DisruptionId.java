package org.reserveledger.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * One declared supply disruption of a mineral.
 */
public record DisruptionId(UUID value) {

    public DisruptionId {
        Objects.requireNonNull(value, "DisruptionId must not be null");
    }

    public static DisruptionId random() {
        return new DisruptionId(UUID.randomUUID());
    }

    @JsonCreator
    public static DisruptionId of(UUID value) {
        return new DisruptionId(value);
    }

    public static DisruptionId of(String value) {
        return new DisruptionId(UUID.fromString(value));
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

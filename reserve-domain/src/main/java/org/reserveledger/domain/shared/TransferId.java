package org.reserveledger.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * One movement of material from one site to another, dispatched and later received.
 */
public record TransferId(UUID value) {

    public TransferId {
        Objects.requireNonNull(value, "TransferId must not be null");
    }

    public static TransferId random() {
        return new TransferId(UUID.randomUUID());
    }

    @JsonCreator
    public static TransferId of(UUID value) {
        return new TransferId(value);
    }

    public static TransferId of(String value) {
        return new TransferId(UUID.fromString(value));
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

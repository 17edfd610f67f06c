package org.reserveledger.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * One draw of material against a commitment.
 */
public record DrawId(UUID value) {

    public DrawId {
        Objects.requireNonNull(value, "DrawId must not be null");
    }

    public static DrawId random() {
        return new DrawId(UUID.randomUUID());
    }

    @JsonCreator
    public static DrawId of(UUID value) {
        return new DrawId(value);
    }

    public static DrawId of(String value) {
        return new DrawId(UUID.fromString(value));
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

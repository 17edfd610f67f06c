package org.reserveledger.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * A manufacturer's offtake commitment.
 */
public record CommitmentId(UUID value) {

    public CommitmentId {
        Objects.requireNonNull(value, "CommitmentId must not be null");
    }

    public static CommitmentId random() {
        return new CommitmentId(UUID.randomUUID());
    }

    @JsonCreator
    public static CommitmentId of(UUID value) {
        return new CommitmentId(value);
    }

    public static CommitmentId of(String value) {
        return new CommitmentId(UUID.fromString(value));
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

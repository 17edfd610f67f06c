package org.reserveledger.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * One recorded withdrawal of material from a site.
 */
public record WithdrawalId(UUID value) {

    public WithdrawalId {
        Objects.requireNonNull(value, "WithdrawalId must not be null");
    }

    public static WithdrawalId random() {
        return new WithdrawalId(UUID.randomUUID());
    }

    @JsonCreator
    public static WithdrawalId of(UUID value) {
        return new WithdrawalId(value);
    }

    public static WithdrawalId of(String value) {
        return new WithdrawalId(UUID.fromString(value));
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

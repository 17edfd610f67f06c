package org.reserveledger.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * One investor's payment against a capital call.
 */
public record ContributionId(UUID value) {

    public ContributionId {
        Objects.requireNonNull(value, "ContributionId must not be null");
    }

    public static ContributionId random() {
        return new ContributionId(UUID.randomUUID());
    }

    @JsonCreator
    public static ContributionId of(UUID value) {
        return new ContributionId(value);
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

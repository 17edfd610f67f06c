package org.reserveledger.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A loan facility's code, such as {@code EXIM-VAULT-1}.
 */
public record FacilityId(String value) {

    public FacilityId {
        Code.require(value, "FacilityId");
    }

    @JsonCreator
    public static FacilityId of(String value) {
        return new FacilityId(value);
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}

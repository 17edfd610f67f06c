package org.reserveledger.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A private investor's code.
 */
public record InvestorId(String value) {

    public InvestorId {
        Code.require(value, "InvestorId");
    }

    @JsonCreator
    public static InvestorId of(String value) {
        return new InvestorId(value);
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

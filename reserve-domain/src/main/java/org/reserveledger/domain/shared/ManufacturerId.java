package org.reserveledger.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A manufacturer's code, chosen by governance when it registers the manufacturer.
 */
public record ManufacturerId(String value) {

    public ManufacturerId {
        Code.require(value, "manufacturer id");
    }

    @JsonCreator
    public static ManufacturerId of(String value) {
        return new ManufacturerId(value);
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

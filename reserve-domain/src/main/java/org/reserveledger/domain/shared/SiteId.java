package org.reserveledger.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A storage site's code, chosen by governance when it registers the site (e.g. {@code NV-RENO-01}).
 */
public record SiteId(String value) {

    public SiteId {
        Code.require(value, "site id");
    }

    @JsonCreator
    public static SiteId of(String value) {
        return new SiteId(value);
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    /** Axon uses the identifier's string form as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}

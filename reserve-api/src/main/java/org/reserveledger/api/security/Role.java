package org.reserveledger.api.security;

/**
 * What a token's holder may do, as the REST contract's roles table says.
 */
public enum Role {
    GOVERNANCE,
    OPERATOR,
    TREASURY,
    MANUFACTURER,
    AUDITOR,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}

package org.reserveledger.domain.shared;

/**
 * A command refused because a figure it would record lies outside {@link LedgerBounds}; {@link #field()}
 * names the request field to change.
 */
public class OutOfLedgerBounds extends DomainRuleViolation {

    public static final String CODE = "out-of-ledger-bounds";

    private final String field;

    public OutOfLedgerBounds(String field, String message) {
        super(CODE, message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

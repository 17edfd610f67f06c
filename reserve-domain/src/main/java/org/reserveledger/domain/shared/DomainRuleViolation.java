package org.reserveledger.domain.shared;

/**
 * A command refused because it would break one of the reserve's rules. The message states the
 * rule and the numbers involved; {@link #code()} names the rule for clients.
 */
public class DomainRuleViolation extends RuntimeException {

    private final String code;

    public DomainRuleViolation(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

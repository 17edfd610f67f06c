package org.reserveledger.domain.shared;

/**
 * A business date later than today: the books record what has happened. A fault of the request,
 * whatever the state of the reserve, so it is answered as invalid input naming the field.
 */
public class BusinessDateInFuture extends DomainRuleViolation {

    private final String field;

    public BusinessDateInFuture(String field, String message) {
        super("business-date-in-future", message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

package org.reserveledger.api.web;

/**
 * A request whose field is malformed in a way constraints on the body cannot see, such as a header.
 */
public class InvalidRequest extends RuntimeException {

    private final String field;

    public InvalidRequest(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

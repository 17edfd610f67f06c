package org.reserveledger.api.security;

import org.springframework.security.web.firewall.RequestRejectedException;

/**
 * A header or the query string the firewall, or Tomcat parsing it, refuses; it never holds the
 * refused value, which may be a token.
 */
final class RejectedRequestPart extends RequestRejectedException {

    private final String header;
    private final int status;

    private RejectedRequestPart(String header, int status, String message) {
        super(message);
        this.header = header;
        this.status = status;
    }

    static RejectedRequestPart header(String name) {
        return new RejectedRequestPart(name, 400, "holds characters that are not allowed in a header value");
    }

    static RejectedRequestPart headerName() {
        return new RejectedRequestPart(null, 400, "a header name holds characters that are not allowed");
    }

    static RejectedRequestPart queryString(int status, String message) {
        return new RejectedRequestPart(null, status, message);
    }

    /** The refused header's name, or null when the query string or a header's name is refused. */
    String header() {
        return header;
    }

    int status() {
        return status;
    }
}

package org.reserveledger.api.web;

/**
 * A request by a principal whose role allows the endpoint but not this resource, such as a
 * manufacturer acting on another manufacturer's commitment.
 */
public class NotAllowed extends RuntimeException {

    public NotAllowed(String message) {
        super(message, null, false, false);
    }
}

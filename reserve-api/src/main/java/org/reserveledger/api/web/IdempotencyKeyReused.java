package org.reserveledger.api.web;

/**
 * An {@code Idempotency-Key} sent again with a different request.
 */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key '" + key + "' was already used with a different request", null, false, false);
    }
}

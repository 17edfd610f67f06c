package org.reserveledger.api.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what a background part of the service does after a request has been answered. */
public final class Eventually {

    private Eventually() {
    }

    /** Polls {@code condition} every {@code poll} until it holds; fails once {@code within} has passed. */
    public static void await(String what, Duration within, Duration poll, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + " within " + within);
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}

package org.reserveledger.api.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;

import static org.axonframework.messaging.deadletter.ThrowableCause.truncated;

/**
 * Parks an event whose handling fails in a way that will recur, and counts the attempts to apply
 * it again. A failure that may pass by itself is not parked while the event is still in the
 * stream: it propagates, so the processor rolls the batch back and retries it with its own
 * back-off, and the event is applied in its place once the database answers again.
 */
final class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    /** Diagnostics key: how many times a parked event has been tried again. */
    static final String RETRIES = "retries";

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        boolean parked = letter.diagnostics().containsKey(RETRIES);
        if (!parked && TransientFailures.isTransient(cause)) {
            throw new TransientProjectionFailure(cause);
        }
        return Decisions.requeue(truncated(cause), failed -> failed.diagnostics().and(RETRIES, parked ? retries(failed) + 1 : 0));
    }

    static long retries(DeadLetter<?> letter) {
        Object retries = letter.diagnostics().get(RETRIES);
        return retries instanceof Number number ? number.longValue() : 0;
    }

    /** A failure left to the processor's retry, because the event itself may be fine. */
    static final class TransientProjectionFailure extends RuntimeException {

        TransientProjectionFailure(Throwable cause) {
            super("transient failure, the batch will be retried: " + cause.getMessage(), cause);
        }
    }
}

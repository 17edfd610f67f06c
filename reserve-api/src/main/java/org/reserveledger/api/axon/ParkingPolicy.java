package org.reserveledger.api.axon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;

import org.reserveledger.projections.tracking.ProjectionPositions;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Optional;

import static org.axonframework.messaging.deadletter.ThrowableCause.truncated;

/**
 * Parks an event whose handling fails in a way that will recur, and counts the attempts to apply
 * it again. A failure that may pass by itself is not parked while the event is still in the
 * stream: it propagates, so the processor rolls the batch back and retries it with its own
 * back-off, and the event is applied in its place once the database answers again.
 */
final class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ParkingPolicy.class);

    private final String projection;
    private final ProjectionPositions positions;
    private final JdbcClient jdbc;

    ParkingPolicy(String projection, ProjectionPositions positions, JdbcClient jdbc) {
        this.projection = projection;
        this.positions = positions;
        this.jdbc = jdbc;
    }

    /** Diagnostics key: how many times a parked event has been tried again. */
    static final String RETRIES = "retries";

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (cause instanceof ProjectionSavepoints.BatchMustBeRetried retried) {
            // Its writes reached the database: the batch is rolled back and applied again, one event at a time.
            throw retried;
        }
        boolean parked = letter.diagnostics().containsKey(RETRIES);
        if (!parked && (TransientFailures.isTransient(cause) || appliedElsewhere(letter.message()))) {
            throw new TransientProjectionFailure(cause);
        }
        if (!parked) {
            log.warn("Parked event {} ({}) in the dead-letter queue: {}", letter.message().getIdentifier(),
                    letter.message().getPayloadType().getSimpleName(), cause.toString());
        }
        return Decisions.requeue(truncated(cause), failed -> failed.diagnostics().and(RETRIES, parked ? retries(failed) + 1 : 0));
    }

    /**
     * Whether another node has already applied the event: it took over the segment while this one still
     * worked on the batch, and what failed here (a row it had already written) says nothing about the event.
     * This node's batch is rolled back as its token update fails.
     */
    private boolean appliedElsewhere(EventMessage<?> event) {
        // The letter may hold the event without its tracking token, so its position is looked up by its id.
        Optional<Long> position = jdbc.sql("select global_index from domain_event_entry where event_identifier = ?")
                .param(event.getIdentifier()).query(Long.class).optional();
        return position.isPresent() && positions.hasApplied(projection, position.get());
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

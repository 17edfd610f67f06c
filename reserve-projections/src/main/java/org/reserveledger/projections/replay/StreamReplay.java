package org.reserveledger.projections.replay;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The one replay of the event stream through projections' own handlers, shared by views asOf an
 * instant ({@link PointInTime}), checkpoints ({@link ProjectionCheckpoints}) and rebuilds
 * ({@link ProjectionRebuilds}). It reads the events in position order through the event storage
 * engine, so each reaches the handlers upcast and deserialized exactly as the live processors see
 * it, and applies each to every projection given, inside the caller's transaction, on whatever
 * tables the caller made the handlers' unqualified table names resolve to.
 * <p>
 * An event a handler cannot apply fails the replay, naming the event; nothing is ever parked. A
 * replay ends by flushing the transaction's synchronizations, so that writes a handler batches up
 * until commit are in the tables for whatever the transaction does next.
 */
@Component
public class StreamReplay {

    private final EventStorageEngine storage;

    public StreamReplay(EventStorageEngine storage) {
        this.storage = storage;
    }

    /**
     * Where a replay stands, advanced by every call that continues it: the token after the last
     * event read, the position and timestamp of the last event applied, and how many were applied.
     */
    public static final class Cursor {

        private TrackingToken token;
        private long position;
        private Instant latest;
        private long applied;

        private Cursor(TrackingToken token, long position, Instant latest) {
            this.token = token;
            this.position = position;
            this.latest = latest;
        }

        /** Before the first event of the stream. */
        static Cursor atStart() {
            return new Cursor(null, -1, Instant.EPOCH);
        }

        /**
         * After every event up to {@code position}, the last of which was applied at {@code lastEventPosition}
         * and the latest recorded at {@code latest}.
         */
        static Cursor after(long position, long lastEventPosition, Instant latest) {
            return new Cursor(GapAwareTrackingToken.newInstance(position, Set.of()), lastEventPosition, latest);
        }

        /** The token after the last event read, or {@code null} before any. */
        TrackingToken token() {
            return token;
        }

        /** The position of the last event applied (or where the cursor started). */
        long position() {
            return position;
        }

        /** The latest timestamp of the events applied (or where the cursor started). */
        Instant latest() {
            return latest;
        }

        /** Events applied through this cursor. */
        long applied() {
            return applied;
        }
    }

    /**
     * Applies to each projection, in position order, the events after the cursor up to position
     * {@code through}, at most {@code limit} of them; an event {@code include} refuses is read past
     * without being applied.
     *
     * @return how many events were read
     * @throws IllegalStateException naming the event a handler failed on
     */
    public long replay(List<Projection> projections, Cursor cursor, long through, long limit,
                       Predicate<? super EventMessage<?>> include) {
        long read = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(cursor.token, false)) {
            var iterator = events.iterator();
            while (read < limit && iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                long position = positionOf(event);
                if (position > through) {
                    break;
                }
                if (include.test(event)) {
                    apply(projections, event, position);
                    cursor.position = Math.max(cursor.position, position);
                    if (event.getTimestamp().isAfter(cursor.latest)) {
                        cursor.latest = event.getTimestamp();
                    }
                    cursor.applied++;
                }
                cursor.token = event.trackingToken();
                read++;
            }
        }
        // Writes a handler holds back until its transaction commits are written now, for what follows in
        // the transaction (a view's queries, a swap) to see.
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationUtils.triggerFlush();
        }
        return read;
    }

    private static void apply(List<Projection> projections, TrackedEventMessage<?> event, long position) {
        for (Projection projection : projections) {
            try {
                projection.apply(event);
            } catch (RuntimeException e) {
                throw new IllegalStateException("event " + event.getIdentifier() + " ("
                        + event.getPayloadType().getSimpleName() + ") at position " + position
                        + " cannot be applied: " + e.getMessage(), e);
            }
        }
    }

    static long positionOf(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElse(-1);
    }
}

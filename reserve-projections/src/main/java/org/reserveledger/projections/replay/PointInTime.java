package org.reserveledger.projections.replay;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.reserveledger.projections.replay.ProjectionCheckpoints.Checkpoint;
import org.reserveledger.projections.tracking.StreamPositions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Rebuilds projections as they stood at a past instant, inside the caller's transaction: each
 * table is shadowed by a temporary table of the same shape (PostgreSQL resolves unqualified names
 * to temporary tables first), filled from the newest checkpoint whose events were all recorded by
 * the instant, or left empty when there is none; the events after it recorded up to the instant are
 * replayed through the projections' own handlers, and the view's own queries then read the result.
 * Reading stops at the last event recorded by the instant. The temporary tables vanish with the
 * transaction, which the caller rolls back.
 */
@Component
public class PointInTime {

    private final EventStorageEngine storage;
    private final ProjectionTables tables;
    private final ProjectionCheckpoints checkpoints;
    private final StreamPositions stream;

    public PointInTime(EventStorageEngine storage, JdbcTemplate jdbc, ProjectionCheckpoints checkpoints,
                       StreamPositions stream) {
        this.storage = storage;
        this.tables = new ProjectionTables(jdbc);
        this.checkpoints = checkpoints;
        this.stream = stream;
    }

    /**
     * What a replay covered: the position of the last event it includes (-1 when none was recorded
     * by the instant), and the checkpoint it started from, if any.
     */
    public record Replayed(long position, Optional<Long> checkpoint) {
    }

    /**
     * Must run in a read-write transaction that is rolled back afterwards.
     */
    public Replayed replay(List<Projection> projections, Instant asOf) {
        Optional<Checkpoint> checkpoint = checkpoints.usableFor(asOf);
        tables.createTemporary(projections);
        checkpoint.ifPresent(c -> tables.copyRows(projections, c.schema(), "pg_temp"));
        long after = checkpoint.map(Checkpoint::position).orElse(0L);
        // Events after the last one recorded by the instant need not be read at all, so a question about
        // an early instant costs what the stream held then, not what it holds now.
        Optional<Long> last = stream.lastRecordedBy(asOf, after);
        long[] position = {checkpoint.map(Checkpoint::lastEventPosition).orElse(-1L)};
        if (last.isPresent()) {
            try (Stream<? extends TrackedEventMessage<?>> events =
                         storage.readEvents(checkpoint.map(Checkpoint::tokenAfter).orElse(null), false)) {
                events.takeWhile(event -> positionOf(event) <= last.get())
                        .filter(event -> !event.getTimestamp().isAfter(asOf))
                        .forEachOrdered(event -> {
                            projections.forEach(projection -> projection.apply(event));
                            position[0] = Math.max(position[0], positionOf(event));
                        });
            }
        }
        return new Replayed(position[0], checkpoint.map(Checkpoint::position));
    }

    static long positionOf(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElse(-1);
    }
}

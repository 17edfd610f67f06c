package org.reserveledger.projections.replay;

import org.reserveledger.projections.replay.ProjectionCheckpoints.Checkpoint;
import org.reserveledger.projections.replay.StreamReplay.Cursor;
import org.reserveledger.projections.tracking.StreamPositions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds projections as they stood at a past instant, inside the caller's transaction, which the
 * caller rolls back. From the newest checkpoint whose events were all recorded by the instant, the
 * events after it recorded up to the instant are replayed through the projections' own handlers
 * straight into the checkpoint's tables (the projections' unqualified table names resolve to its
 * schema for the transaction), and the view's own queries then read the result there: nothing is
 * copied, and the rollback leaves the checkpoint as it was built. With no checkpoint, each table is
 * shadowed by an empty temporary table of the same shape (PostgreSQL resolves unqualified names to
 * temporary tables first) and the stream is replayed from its start.
 * <p>
 * Checkpoints lie an interval apart, so a replay reads at most about an interval of events. Two views
 * asOf instants after the same checkpoint write the same rows in the same order: the second waits for
 * the first's rollback where their replays meet, and then proceeds on the checkpoint's rows as built.
 * The checkpoint's generated keys come from sequences, which a rollback does not wind back, so the rows
 * a replay adds get other keys each time; they are still above every row of the checkpoint and in the
 * order the events came, which is all the views use them for.
 */
@Component
public class PointInTime {

    private final ProjectionTables tables;
    private final ProjectionCheckpoints checkpoints;
    private final StreamPositions stream;
    private final StreamReplay replay;

    public PointInTime(JdbcTemplate jdbc, ProjectionCheckpoints checkpoints, StreamPositions stream, StreamReplay replay) {
        this.tables = new ProjectionTables(jdbc);
        this.checkpoints = checkpoints;
        this.stream = stream;
        this.replay = replay;
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
        if (checkpoint.isPresent()) {
            tables.resolveTo(checkpoint.get().schema());
        } else {
            tables.createTemporary(projections);
        }
        Cursor cursor = checkpoint.map(Checkpoint::cursorAfter).orElseGet(Cursor::atStart);
        // Events after the last one recorded by the instant need not be read at all, so a question about
        // an early instant costs what the stream held then, not what it holds now.
        Optional<Long> last = stream.lastRecordedBy(asOf, checkpoint.map(Checkpoint::position).orElse(0L));
        if (last.isPresent()) {
            replay.replay(projections, cursor, last.get(), Long.MAX_VALUE, event -> !event.getTimestamp().isAfter(asOf));
            if (checkpoint.isEmpty()) {
                tables.analyze(projections, "pg_temp");
            }
        }
        return new Replayed(cursor.position(), checkpoint.map(Checkpoint::position));
    }
}

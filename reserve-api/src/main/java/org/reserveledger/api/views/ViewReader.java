package org.reserveledger.api.views;

import org.axonframework.queryhandling.QueryGateway;
import org.reserveledger.api.ReserveProperties;
import org.reserveledger.api.web.InvalidRequest;
import org.reserveledger.projections.replay.PointInTime;
import org.reserveledger.projections.replay.ProjectionCatalog;
import org.reserveledger.projections.replay.ProjectionRebuilds;
import org.reserveledger.projections.tracking.ProjectionPositions;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Answers a view: waits for {@code minPosition} when asked, then reads the projection's position
 * and its rows in one repeatable-read snapshot, so {@code X-Projection-Position} describes exactly
 * the rows returned.
 */
@Component
public class ViewReader {

    public static final String POSITION_HEADER = "X-Projection-Position";
    public static final String AS_OF_HEADER = "X-As-Of";
    /** Names the projections behind a view that are being rebuilt; the view still answers from their last complete tables. */
    public static final String REBUILDING_HEADER = "X-Projection-Rebuilding";
    /** On a view asOf an instant: the position of the checkpoint its replay started from, when one served. */
    public static final String CHECKPOINT_HEADER = "X-Replayed-From-Checkpoint";

    private static final long POLL_MILLIS = 20;

    private final ProjectionPositions positions;
    private final QueryGateway queries;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate replay;
    private final Duration wait;
    private final ProjectionCatalog catalog;
    private final PointInTime pointInTime;
    private final Clock clock;
    private final ProjectionRebuilds rebuilds;
    private final JdbcTemplate jdbc;

    public ViewReader(ProjectionPositions positions, QueryGateway queries, PlatformTransactionManager transactions,
                      ReserveProperties properties, ProjectionCatalog catalog, PointInTime pointInTime, Clock clock,
                      ProjectionRebuilds rebuilds, JdbcTemplate jdbc) {
        this.positions = positions;
        this.queries = queries;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        // A point-in-time answer writes temporary tables, so its transaction cannot be read-only; it is rolled back.
        this.replay = new TransactionTemplate(transactions);
        this.replay.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.wait = properties.viewWait();
        this.catalog = catalog;
        this.pointInTime = pointInTime;
        this.clock = clock;
        this.rebuilds = rebuilds;
        this.jdbc = jdbc;
    }

    /**
     * Answers a view as it stood at {@code asOf}, rebuilt from the events recorded up to that instant by
     * the projections' own handlers; without {@code asOf}, answers from the live tables.
     * {@code minPosition} applies to live answers only: a past instant is answered from the stream itself.
     */
    public <T> ResponseEntity<T> read(List<String> projections, Long minPosition, Instant asOf, Object query,
                                      Class<T> responseType) {
        if (asOf == null) {
            return read(projections, minPosition, query, responseType);
        }
        if (asOf.isAfter(clock.instant())) {
            throw new InvalidRequest("asOf", "must not be in the future");
        }
        Replay<T> answer = replay.execute(status -> {
            status.setRollbackOnly();
            PointInTime.Replayed replayed = pointInTime.replay(catalog.named(projections), asOf);
            return new Replay<>(replayed, queries.query(query, responseType).join());
        });
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .header(POSITION_HEADER, Long.toString(answer.replayed().position()))
                .header(AS_OF_HEADER, asOf.toString());
        answer.replayed().checkpoint().ifPresent(position -> response.header(CHECKPOINT_HEADER, Long.toString(position)));
        return response.body(answer.body());
    }

    public <T> ResponseEntity<T> read(String projection, Long minPosition, Instant asOf, Object query,
                                      Class<T> responseType) {
        return read(List.of(projection), minPosition, asOf, query, responseType);
    }

    /** The business date a view uses for "today": the day of {@code asOf} when one is given. */
    public LocalDate today(Instant asOf) {
        return asOf == null ? LocalDate.now(clock) : LocalDate.ofInstant(asOf, ZoneOffset.UTC);
    }

    public <T> ResponseEntity<T> read(String projection, Long minPosition, Object query, Class<T> responseType) {
        return read(List.of(projection), minPosition, query, responseType);
    }

    /**
     * Answers a view drawn from the tables of several projections; its position is the lowest of
     * theirs, and {@code minPosition} waits for all of them.
     */
    public <T> ResponseEntity<T> read(List<String> projections, Long minPosition, Object query, Class<T> responseType) {
        if (minPosition != null) {
            projections.forEach(projection -> awaitPosition(projection, minPosition));
        }
        List<String> tables = catalog.named(projections).stream().flatMap(p -> p.tables().stream()).toList();
        Answer<T> answer = snapshot.execute(status -> {
            // Taken before the snapshot: a rebuild's swap either finished before this read or waits for it.
            jdbc.execute("lock table " + String.join(", ", tables) + " in access share mode");
            return new Answer<>(projections.stream().mapToLong(positions::position).min().orElse(-1),
                    queries.query(query, responseType).join());
        });
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .header(POSITION_HEADER, Long.toString(answer.position()));
        List<String> rebuilding = projections.stream().filter(rebuilds::replaying).toList();
        if (!rebuilding.isEmpty()) {
            response.header(REBUILDING_HEADER, String.join(",", rebuilding));
        }
        return response.body(answer.body());
    }

    private void awaitPosition(String projection, long minPosition) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!positions.hasApplied(projection, minPosition)) {
            if (System.nanoTime() > deadline) {
                throw new ProjectionBehind(projection, minPosition, positions.position(projection));
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProjectionBehind(projection, minPosition, positions.position(projection));
            }
        }
    }

    private record Replay<T>(PointInTime.Replayed replayed, T body) {
    }

    private record Answer<T>(long position, T body) {
    }
}

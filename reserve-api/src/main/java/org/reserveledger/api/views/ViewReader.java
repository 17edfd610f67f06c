package org.reserveledger.api.views;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryGateway;
import org.reserveledger.api.web.InvalidRequest;
import org.reserveledger.projections.replay.PointInTime;
import org.reserveledger.projections.replay.ProjectionCatalog;
import org.reserveledger.projections.replay.ProjectionRebuilds;
import org.reserveledger.projections.replay.ViewQuery;
import org.reserveledger.projections.tracking.ProjectionPositions;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Answers a view: waits for {@code minPosition} when asked (among the {@link PositionWaiters}, not on the
 * request's thread), then reads the projection's position and its rows in one repeatable-read snapshot,
 * so {@code X-Projection-Position} describes exactly the rows returned. A live view asked again while its
 * projections' tokens stand where they stood is answered as before, without its query ({@link ViewAnswers}).
 */
@Component
public class ViewReader {

    public static final String POSITION_HEADER = "X-Projection-Position";
    public static final String AS_OF_HEADER = "X-As-Of";
    /** Names the projections behind a view that are being rebuilt; the view still answers from their last complete tables. */
    public static final String REBUILDING_HEADER = "X-Projection-Rebuilding";
    /**
     * Names the projections behind a view that hold parked events: their position has moved past those
     * events, which the view does not show until they are applied (GET /api/v1/admin/projections).
     */
    public static final String PARKED_HEADER = "X-Projection-Parked";
    /** On a view asOf an instant: the position of the checkpoint its replay started from, when one served. */
    public static final String CHECKPOINT_HEADER = "X-Replayed-From-Checkpoint";

    private final ProjectionPositions positions;
    private final QueryGateway queries;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate replay;
    private final PositionWaiters waiters;
    private final ProjectionCatalog catalog;
    private final PointInTime pointInTime;
    private final Clock clock;
    private final ProjectionRebuilds rebuilds;
    private final JdbcTemplate jdbc;
    private final ViewAnswers answers = new ViewAnswers();

    ViewReader(ProjectionPositions positions, QueryGateway queries, PlatformTransactionManager transactions,
                      PositionWaiters waiters, ProjectionCatalog catalog, PointInTime pointInTime, Clock clock,
                      ProjectionRebuilds rebuilds, JdbcTemplate jdbc) {
        this.positions = positions;
        this.queries = queries;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        // A point-in-time answer writes temporary tables, so its transaction cannot be read-only; it is rolled back.
        this.replay = new TransactionTemplate(transactions);
        this.replay.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.waiters = waiters;
        this.catalog = catalog;
        this.pointInTime = pointInTime;
        this.clock = clock;
        this.rebuilds = rebuilds;
        this.jdbc = jdbc;
    }

    /**
     * Answers a view drawn from the tables of the projections its query names, at a point of the stream. Live,
     * its position is the lowest of theirs, and {@code minPosition} waits for all of them without holding the
     * request's thread; as of an instant, the projections' own handlers replay the stream up to it into
     * temporary tables on the request's thread, and {@code minPosition} does not apply.
     */
    public <T> CompletableFuture<ResponseEntity<T>> read(ViewQuery query, Class<T> responseType, ViewPoint at) {
        if (at.asOf() != null) {
            return CompletableFuture.completedFuture(replay(query, at.asOf(), responseType));
        }
        if (at.minPosition() == null) {
            return CompletableFuture.completedFuture(live(query, responseType));
        }
        return waiters.readOnceApplied(query.projections(), at.minPosition(), () -> live(query, responseType));
    }

    /** The business date a view uses for "today": the day of {@code asOf} when one is given. */
    public LocalDate today(ViewPoint at) {
        return at.asOf() == null ? LocalDate.now(clock) : LocalDate.ofInstant(at.asOf(), ZoneOffset.UTC);
    }

    /** The business date a view is drawn up on: {@code valueDate} when given, otherwise {@link #today(ViewPoint)}. */
    public LocalDate businessDate(LocalDate valueDate, ViewPoint at) {
        return valueDate != null ? valueDate : today(at);
    }

    private <T> ResponseEntity<T> replay(ViewQuery query, Instant asOf, Class<T> responseType) {
        if (asOf.isAfter(clock.instant())) {
            throw new InvalidRequest("asOf", "must not be in the future");
        }
        Replay<T> answer = replay.execute(status -> {
            status.setRollbackOnly();
            PointInTime.Replayed replayed = pointInTime.replay(catalog.named(query.projections()), asOf);
            return new Replay<>(replayed, queries.query(query, responseType).join());
        });
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .header(POSITION_HEADER, Long.toString(answer.replayed().position()))
                .header(AS_OF_HEADER, asOf.toString());
        answer.replayed().checkpoint().ifPresent(position -> response.header(CHECKPOINT_HEADER, Long.toString(position)));
        return response.body(answer.body());
    }

    private <T> ResponseEntity<T> live(ViewQuery query, Class<T> responseType) {
        List<String> projections = query.projections();
        List<String> tables = catalog.named(projections).stream().flatMap(p -> p.tables().stream()).toList();
        Answer<T> answer = snapshot.execute(status -> {
            // Taken before the snapshot: a rebuild's swap either finished before this read or waits for it.
            jdbc.execute("lock table " + String.join(", ", tables) + " in access share mode");
            Map<String, ProjectionPositions.Progress> progress = positions.progress(projections);
            List<String> parked = projections.stream().filter(projection -> progress.get(projection).parked()).toList();
            long position = progress.values().stream().mapToLong(ProjectionPositions.Progress::position).min().orElse(-1);
            if (!parked.isEmpty()) {
                return new Answer<>(position, parked, queries.query(query, responseType).join());
            }
            List<List<TrackingToken>> tokens = projections.stream().map(projection -> progress.get(projection).tokens())
                    .toList();
            return new Answer<>(position, parked, answers.answer(query, responseType, tokens,
                    () -> queries.query(query, responseType).join()));
        });
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .header(POSITION_HEADER, Long.toString(answer.position()));
        List<String> rebuilding = projections.stream().filter(rebuilds::replaying).toList();
        if (!rebuilding.isEmpty()) {
            response.header(REBUILDING_HEADER, String.join(",", rebuilding));
        }
        if (!answer.parked().isEmpty()) {
            response.header(PARKED_HEADER, String.join(",", answer.parked()));
        }
        return response.body(answer.body());
    }

    private record Replay<T>(PointInTime.Replayed replayed, T body) {
    }

    private record Answer<T>(long position, List<String> parked, T body) {
    }
}

package org.reserveledger.api.views;

import org.axonframework.queryhandling.QueryGateway;
import org.reserveledger.api.ReserveProperties;
import org.reserveledger.projections.tracking.ProjectionPositions;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;

/**
 * Answers a view: waits for {@code minPosition} when asked, then reads the projection's position
 * and its rows in one repeatable-read snapshot, so {@code X-Projection-Position} describes exactly
 * the rows returned.
 */
@Component
public class ViewReader {

    public static final String POSITION_HEADER = "X-Projection-Position";

    private static final long POLL_MILLIS = 20;

    private final ProjectionPositions positions;
    private final QueryGateway queries;
    private final TransactionTemplate snapshot;
    private final Duration wait;

    public ViewReader(ProjectionPositions positions, QueryGateway queries, PlatformTransactionManager transactions,
                      ReserveProperties properties) {
        this.positions = positions;
        this.queries = queries;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.wait = properties.viewWait();
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
        Answer<T> answer = snapshot.execute(status -> new Answer<>(
                projections.stream().mapToLong(positions::position).min().orElse(-1),
                queries.query(query, responseType).join()));
        return ResponseEntity.ok()
                .header(POSITION_HEADER, Long.toString(answer.position()))
                .body(answer.body());
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

    private record Answer<T>(long position, T body) {
    }
}

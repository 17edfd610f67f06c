package org.reserveledger.projections.replay;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rebuilds projections as they stood at a past instant, inside the caller's transaction: each
 * table is shadowed by an empty temporary table of the same shape (PostgreSQL resolves unqualified
 * names to temporary tables first), the events recorded up to the instant are replayed through the
 * projections' own handlers, and the view's own queries then read the result. The temporary tables
 * vanish with the transaction, which the caller rolls back.
 */
@Component
public class PointInTime {

    private final EventStorageEngine storage;
    private final JdbcTemplate jdbc;

    public PointInTime(EventStorageEngine storage, JdbcTemplate jdbc) {
        this.storage = storage;
        this.jdbc = jdbc;
    }

    /**
     * Must run in a read-write transaction that is rolled back afterwards.
     *
     * @return the position of the last event replayed, or -1 when none was recorded by then
     */
    public long replay(List<Projection> projections, Instant asOf) {
        for (Projection projection : projections) {
            for (String table : projection.tables()) {
                jdbc.execute("create temporary table " + table + " (like public." + table
                        + " including all) on commit drop");
            }
        }
        long[] position = {-1};
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            events.filter(event -> !event.getTimestamp().isAfter(asOf)).forEachOrdered(event -> {
                projections.forEach(projection -> projection.apply(event));
                position[0] = Math.max(position[0], event.trackingToken().position().orElse(-1));
            });
        }
        return position[0];
    }
}

package org.reserveledger.projections.replay;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rebuilds projections as they stood at a past instant, inside the caller's transaction: each
 * table is shadowed by an empty temporary table of the same shape (PostgreSQL resolves unqualified
 * names to temporary tables first), the events recorded up to the instant are replayed through the
 * projections' own handlers, and the view's own queries then read the result. Reading stops at the
 * last event recorded by the instant. The temporary tables vanish with the transaction, which the
 * caller rolls back.
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
        // Events after the last one recorded by the instant need not be read at all, so a question about
        // an early instant costs what the stream held then, not what it holds now.
        Long last = jdbc.queryForObject("select max(global_index) from domain_event_entry where time_stamp::timestamptz <= ?",
                Long.class, Timestamp.from(asOf));
        if (last == null) {
            return -1;
        }
        long[] position = {-1};
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            events.takeWhile(event -> positionOf(event) <= last)
                    .filter(event -> !event.getTimestamp().isAfter(asOf))
                    .forEachOrdered(event -> {
                        projections.forEach(projection -> projection.apply(event));
                        position[0] = Math.max(position[0], positionOf(event));
                    });
        }
        return position[0];
    }

    private static long positionOf(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElse(-1);
    }
}

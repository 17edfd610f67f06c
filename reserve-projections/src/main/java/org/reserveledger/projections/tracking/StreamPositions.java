package org.reserveledger.projections.tracking;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Positions of the event stream itself: its head, and the last event recorded by an instant. */
@Component
public class StreamPositions {

    private final JdbcTemplate jdbc;

    public StreamPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The position of the last event visible now, or 0 for an empty stream. */
    public long head() {
        return jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
    }

    /**
     * The position of the last event after {@code after} recorded by {@code asOf}, if any; it may
     * exceed the exact answer by events recorded within the same microsecond (PostgreSQL keeps
     * microseconds), never fall short of it.
     */
    public Optional<Long> lastRecordedBy(Instant asOf, long after) {
        Timestamp bound = Timestamp.from(asOf.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS));
        return Optional.ofNullable(jdbc.queryForObject("select max(global_index) from domain_event_entry "
                + "where global_index > ? and time_stamp::timestamptz <= ?", Long.class, after, bound));
    }
}

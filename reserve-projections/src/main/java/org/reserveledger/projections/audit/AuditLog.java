package org.reserveledger.projections.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the stream for auditors: pages in position order, filtered in SQL over the indexes of
 * {@code V12__audit_filters.sql}, and the whole chain in chain order for export. Events are returned
 * exactly as stored, with their link hash.
 */
public class AuditLog {

    private final JdbcTemplate jdbc;
    private final StreamingSnapshot snapshot;
    private final AuditChainer chainer;

    public AuditLog(JdbcTemplate jdbc, TransactionTemplate transactions, AuditChainer chainer) {
        this.jdbc = jdbc;
        this.snapshot = new StreamingSnapshot(jdbc, transactions);
        this.chainer = chainer;
    }

    /**
     * A link of the chain with its event.
     *
     * @param chainSequence the link's place in the chain, from 1, or {@code null} for an event not linked yet
     * @param hash          the link hash, or {@code null} for an event not linked yet
     */
    public record Entry(Long chainSequence, RecordedEvent event, byte[] hash) {
    }

    /**
     * What a page keeps: every field given must match (AND); a null field keeps every event.
     *
     * @param type          the event's simple class name, as {@link RecordedEvent#simpleType()} gives it
     * @param actor         the metadata's {@code actor}
     * @param correlationId the metadata's {@code correlationId}
     * @param from          recorded at or after this instant (inclusive)
     * @param to            recorded before this instant (exclusive)
     */
    public record Filter(String type, String aggregateId, String actor, String correlationId, Instant from,
                         Instant to) {

        public static final Filter NONE = new Filter(null, null, null, null, null, null);
    }

    /** Events after a position, in position order. */
    public List<Entry> page(long afterPosition, int limit) {
        return page(afterPosition, limit, Filter.NONE);
    }

    /**
     * The first {@code limit} events after a position that match the filter, in position order; the next
     * page starts after the last one returned.
     */
    public List<Entry> page(long afterPosition, int limit, Filter filter) {
        chainer.catchUp();
        // Each condition is written exactly as its index is defined, so the planner can use that index.
        StringBuilder where = new StringBuilder("e.global_index > ?");
        List<Object> args = new ArrayList<>();
        args.add(afterPosition);
        if (filter.type() != null) {
            where.append(" and event_simple_type(e.payload_type) = ?");
            args.add(filter.type());
        }
        if (filter.aggregateId() != null) {
            where.append(" and e.aggregate_identifier = ?");
            args.add(filter.aggregateId());
        }
        if (filter.actor() != null) {
            where.append(" and event_metadata_text(e.meta_data, 'actor') = ?");
            args.add(filter.actor());
        }
        if (filter.correlationId() != null) {
            where.append(" and event_metadata_text(e.meta_data, 'correlationId') = ?");
            args.add(filter.correlationId());
        }
        if (filter.from() != null) {
            where.append(" and event_recorded_at(e.time_stamp) >= ?");
            args.add(filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.append(" and event_recorded_at(e.time_stamp) < ?");
            args.add(filter.to().atOffset(ZoneOffset.UTC));
        }
        args.add(limit);
        return jdbc.query("""
                        select %s, c.chain_sequence, c.hash
                        from domain_event_entry e
                        left join audit_chain c on c.global_index = e.global_index
                        where %s
                        order by e.global_index
                        limit ?
                        """.formatted(RecordedEvent.COLUMNS, where),
                (rs, n) -> entry(rs), args.toArray());
    }

    /**
     * Every linked event in chain order, streamed from one snapshot; returns how many. The sink runs on the
     * calling thread while the next events are read on another.
     */
    public long export(Consumer<Entry> sink) {
        chainer.catchUp();
        long[] count = {0};
        snapshot.<Entry>read("audit-export", (streaming, entries) -> streaming.query("""
                select %s, c.chain_sequence, c.hash
                from audit_chain c
                join domain_event_entry e on e.global_index = c.global_index
                order by c.chain_sequence
                """.formatted(RecordedEvent.COLUMNS), (RowCallbackHandler) rs ->
                entries.accept(new Entry(rs.getLong(11), RecordedEvent.fromColumns(rs, 1), rs.getBytes(12)))),
                entry -> {
                    sink.accept(entry);
                    count[0]++;
                });
        return count[0];
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        long sequence = rs.getLong("chain_sequence");
        return new Entry(rs.wasNull() ? null : sequence, RecordedEvent.fromRow(rs), rs.getBytes("hash"));
    }
}

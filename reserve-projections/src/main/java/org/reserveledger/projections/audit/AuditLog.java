package org.reserveledger.projections.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the stream for auditors: pages in position order, and the whole chain in chain order for
 * export. Events are returned exactly as stored, with their link hash.
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

    /** Events after a position, in position order. */
    public List<Entry> page(long afterPosition, int limit) {
        chainer.catchUp();
        return jdbc.query("""
                        select %s, c.chain_sequence, c.hash
                        from domain_event_entry e
                        left join audit_chain c on c.global_index = e.global_index
                        where e.global_index > ?
                        order by e.global_index
                        limit ?
                        """.formatted(RecordedEvent.COLUMNS),
                (rs, n) -> entry(rs), afterPosition, limit);
    }

    /** Every linked event in chain order, streamed from one snapshot; returns how many. */
    public long export(Consumer<Entry> sink) {
        chainer.catchUp();
        return snapshot.read(streaming -> {
            long[] count = {0};
            streaming.query("""
                    select %s, c.chain_sequence, c.hash
                    from audit_chain c
                    join domain_event_entry e on e.global_index = c.global_index
                    order by c.chain_sequence
                    """.formatted(RecordedEvent.COLUMNS), (RowCallbackHandler) rs -> {
                sink.accept(entry(rs));
                count[0]++;
            });
            return count[0];
        });
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        long sequence = rs.getLong("chain_sequence");
        return new Entry(rs.wasNull() ? null : sequence, RecordedEvent.fromRow(rs), rs.getBytes("hash"));
    }
}

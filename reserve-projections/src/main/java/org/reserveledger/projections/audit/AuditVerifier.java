package org.reserveledger.projections.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Consumer;

/**
 * Recomputes the chain from the event table, in one snapshot, and reports what does not hold:
 * altered, removed, reordered or inserted events, rewritten links, and a mismatch with an anchor
 * kept outside the system. Memory stays constant: rows are streamed.
 */
public class AuditVerifier {

    private final StreamingSnapshot snapshot;
    private final AttestationKey key;
    private final AuditChainer chainer;

    public AuditVerifier(JdbcTemplate jdbc, TransactionTemplate transactions, AttestationKey key, AuditChainer chainer) {
        this.snapshot = new StreamingSnapshot(jdbc, transactions);
        this.key = key;
        this.chainer = chainer;
    }

    public ChainVerification verify(ChainAnchor anchor) {
        chainer.catchUp();
        ChainWalk walk = new ChainWalk(anchor, key);
        // Rows are read on a thread of their own while the walk hashes the ones read before.
        snapshot.<Row>read("audit-verify", AuditVerifier::readSnapshot, row -> row.walk(walk));
        return walk.result();
    }

    /**
     * The links in chain order, then the events no link names in position order. Those are found over the two
     * indexes of positions alone, so that only they, usually none, are read in full, not the whole table again.
     */
    private static void readSnapshot(JdbcTemplate streaming, Consumer<Row> rows) {
        streaming.query("""
                select %s, c.chain_sequence, c.global_index, c.hash, a.mac
                from audit_chain c
                left join domain_event_entry e on e.global_index = c.global_index
                left join event_attestation a on a.global_index = c.global_index
                order by c.chain_sequence
                """.formatted(RecordedEvent.COLUMNS), (RowCallbackHandler) rs -> {
            boolean present = rs.getString(2) != null;
            rows.accept(new Link(rs.getLong(11), rs.getLong(12), rs.getBytes(13),
                    present ? RecordedEvent.fromColumns(rs, 1) : null, rs.getBytes(14)));
        });
        streaming.query("""
                select %s, a.mac, p.global_index is not null as pending
                from domain_event_entry e
                left join event_attestation a on a.global_index = e.global_index
                left join audit_chain_pending p on p.global_index = e.global_index
                where e.global_index in (select d.global_index from domain_event_entry d
                                         where not exists (select 1 from audit_chain c where c.global_index = d.global_index))
                order by e.global_index
                """.formatted(RecordedEvent.COLUMNS), (RowCallbackHandler) rs ->
                rows.accept(new Unlinked(RecordedEvent.fromColumns(rs, 1), rs.getBytes(11), rs.getBoolean(12))));
    }

    /** What the reading thread hands to the walk. */
    private sealed interface Row {
        void walk(ChainWalk walk);
    }

    /** A link of the chain with the event it names ({@code null} when gone) and that event's attestation. */
    private record Link(long sequence, long position, byte[] hash, RecordedEvent event, byte[] mac) implements Row {
        @Override
        public void walk(ChainWalk walk) {
            walk.link(sequence, position, hash, event, mac);
        }
    }

    /** An event no link names. */
    private record Unlinked(RecordedEvent event, byte[] mac, boolean pending) implements Row {
        @Override
        public void walk(ChainWalk walk) {
            walk.unlinked(event, mac, pending);
        }
    }
}

package org.reserveledger.projections.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;


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
        return snapshot.read(streaming -> verifyInSnapshot(streaming, anchor));
    }

    private ChainVerification verifyInSnapshot(JdbcTemplate streaming, ChainAnchor anchor) {
        ChainWalk walk = new ChainWalk(anchor, key);
        streaming.query("""
                select c.chain_sequence, c.global_index as linked_position, c.hash, a.mac, %s
                from audit_chain c
                left join domain_event_entry e on e.global_index = c.global_index
                left join event_attestation a on a.global_index = c.global_index
                order by c.chain_sequence
                """.formatted(RecordedEvent.COLUMNS), (RowCallbackHandler) rs -> {
            long position = rs.getLong("linked_position");
            boolean present = rs.getObject("event_identifier") != null;
            walk.link(rs.getLong("chain_sequence"), position, rs.getBytes("hash"),
                    present ? RecordedEvent.fromRow(rs) : null, rs.getBytes("mac"));
        });
        streaming.query("""
                select %s, a.mac, p.global_index is not null as pending
                from domain_event_entry e
                left join event_attestation a on a.global_index = e.global_index
                left join audit_chain_pending p on p.global_index = e.global_index
                where not exists (select 1 from audit_chain c where c.global_index = e.global_index)
                order by e.global_index
                """.formatted(RecordedEvent.COLUMNS), (RowCallbackHandler) rs ->
                walk.unlinked(RecordedEvent.fromRow(rs), rs.getBytes("mac"), rs.getBoolean("pending")));
        return walk.result();
    }
}

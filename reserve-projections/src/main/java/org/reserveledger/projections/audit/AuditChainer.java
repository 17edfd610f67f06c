package org.reserveledger.projections.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Links attested events into the chain in the order they become visible. One chainer works at a
 * time (a transaction-scoped advisory lock), so the chain is a single line however many nodes run.
 * An append that commits late, after later positions were chained, is linked when it commits; an
 * event whose attestation does not match it is never linked and is left for the verifier to report.
 */
public class AuditChainer {

    /** The advisory lock that makes one chainer at a time ("audit chain" in ASCII). */
    static final long LOCK = 0x6175646974636861L;

    private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AttestationKey key;

    public AuditChainer(JdbcTemplate jdbc, TransactionTemplate transactions, AttestationKey key) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.key = key;
    }

    /**
     * Links every attested event visible now.
     *
     * @return how many events were linked
     */
    public int catchUp() {
        int linked = 0;
        long after = 0;
        while (true) {
            long from = after;
            Batch batch = transactions.execute(status -> linkBatch(from));
            linked += batch.linked();
            if (batch.seen() < BATCH) {
                return linked;
            }
            after = batch.lastPosition();
        }
    }

    /**
     * The attested events committed and not yet linked; counting them does not wait for a chainer at work. The
     * oldest is the one first in the stream (events are recorded in position order, give or take the appends
     * under way together), found by the primary key rather than by reading every waiting event.
     */
    public ChainLag lag() {
        return jdbc.queryForObject("""
                        select (select count(*) from audit_chain_pending),
                               coalesce(extract(epoch from clock_timestamp() - (
                                   select e.time_stamp::timestamptz
                                   from audit_chain_pending p
                                   join domain_event_entry e on e.global_index = p.global_index
                                   order by p.global_index limit 1)), 0)
                        """,
                (rs, n) -> new ChainLag(rs.getLong(1), Duration.ofNanos(Math.max(0, Math.round(rs.getDouble(2) * 1e9)))));
    }

    private Batch linkBatch(long after) {
        // The lock, and for this transaction lookups by key only: the batch is at most BATCH keys, and on tables
        // whose statistics are missing or stale (autovacuum off, or behind a bulk append) the planner would
        // otherwise hash whole tables for each batch, a cost that grows with the chain.
        jdbc.queryForList("select pg_advisory_xact_lock(" + LOCK + "), set_config('enable_hashjoin', 'off', true),"
                + " set_config('enable_mergejoin', 'off', true)");
        List<Link> head = jdbc.query("select chain_sequence, hash from audit_chain order by chain_sequence desc limit 1",
                (rs, n) -> new Link(rs.getLong(1), rs.getBytes(2)));
        long sequence = head.isEmpty() ? 0 : head.getFirst().sequence();
        byte[] previous = head.isEmpty() ? ChainEncoding.genesis() : head.getFirst().hash();
        // The pending positions first, then their rows by primary key: a join of the pending rows with the
        // event, attestation and chain tables would be planned, once prepared, as scans of those whole tables.
        Long[] positions = jdbc.queryForList(
                "select global_index from audit_chain_pending where global_index > ? order by global_index limit "
                        + BATCH, Long.class, after).toArray(Long[]::new);
        if (positions.length == 0) {
            return new Batch(0, 0, after);
        }
        List<Pending> pending = jdbc.query("""
                        select %s, a.mac
                        from domain_event_entry e
                        left join event_attestation a on a.global_index = e.global_index
                        where e.global_index = any(?)
                          and not exists (select 1 from audit_chain c where c.global_index = e.global_index)
                        order by e.global_index
                        """.formatted(RecordedEvent.COLUMNS),
                (rs, n) -> new Pending(RecordedEvent.fromRow(rs), rs.getBytes("mac")), (Object) positions);
        List<Object[]> links = new ArrayList<>(pending.size());
        for (Pending candidate : pending) {
            if (!key.attests(candidate.event(), candidate.mac())) {
                log.warn("Event at position {} does not match the service's attestation; it is not chained",
                        candidate.event().position());
                continue;
            }
            previous = ChainEncoding.link(previous, candidate.event());
            sequence++;
            links.add(new Object[]{sequence, candidate.event().position(), previous});
        }
        jdbc.batchUpdate("insert into audit_chain (chain_sequence, global_index, hash) values (?, ?, ?)", links);
        jdbc.update("delete from audit_chain_pending where global_index = any(?)",
                (Object) links.stream().map(link -> (Long) link[1]).toArray(Long[]::new));
        int linked = links.size();
        return new Batch(positions.length, linked, positions[positions.length - 1]);
    }

    private record Link(long sequence, byte[] hash) {
    }

    private record Pending(RecordedEvent event, byte[] mac) {
    }

    private record Batch(int seen, int linked, long lastPosition) {
    }
}

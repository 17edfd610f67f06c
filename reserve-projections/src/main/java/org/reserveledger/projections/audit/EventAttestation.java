package org.reserveledger.projections.audit;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * Attests events in the transaction that appends them: signs each one's canonical encoding, as
 * stored, with the service's key, and queues it for the chainer. An event that reaches the table any other way has no attestation, so the chainer leaves it out and the verifier reports it.
 * Each attesting transaction publishes {@link EventsAttested}, so that the chainer can be woken once it commits.
 */
public class EventAttestation {

    private final JdbcTemplate jdbc;
    private final AttestationKey key;
    private final ApplicationEventPublisher publisher;

    public EventAttestation(JdbcTemplate jdbc, AttestationKey key, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.key = key;
        this.publisher = publisher;
    }

    /**
     * Attests events exactly as stored, and queues them for the chainer, in one statement. Must run in
     * the transaction that appended them.
     */
    public void attestAsStored(List<RecordedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Long[] positions = new Long[events.size()];
        String[] eventIds = new String[events.size()];
        String[] macs = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
            RecordedEvent event = events.get(i);
            positions[i] = event.position();
            eventIds[i] = event.eventId();
            macs[i] = HexFormat.of().formatHex(key.attest(event));
        }
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    with attested as (
                        insert into event_attestation (global_index, event_identifier, mac)
                        select position, event_identifier, decode(mac, 'hex')
                        from unnest(?::bigint[], ?::text[], ?::text[]) as a(position, event_identifier, mac)
                    )
                    insert into audit_chain_pending (global_index) select unnest(?::bigint[])
                    """);
            Array positionArray = connection.createArrayOf("bigint", positions);
            statement.setArray(1, positionArray);
            statement.setArray(2, connection.createArrayOf("text", eventIds));
            statement.setArray(3, connection.createArrayOf("text", macs));
            statement.setArray(4, positionArray);
            return statement;
        });
        publisher.publishEvent(new EventsAttested(events.size()));
    }

    /** Attests events appended in this transaction, reading each back as stored. */
    public void attest(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        attestAsStored(jdbc.query(
                "select " + RecordedEvent.COLUMNS + " from domain_event_entry e where e.event_identifier = any(?)"
                        + " order by e.global_index",
                (rs, n) -> RecordedEvent.fromRow(rs), (Object) eventIds.toArray(String[]::new)));
    }

    /**
     * Attests every event that has no attestation yet, once, when the chain is first started on a
     * stream written before it existed; afterwards no event is ever attested after the fact.
     *
     * @return how many events were adopted
     */
    public int adoptStreamWrittenBeforeTheChain() {
        Boolean chainStarted = jdbc.queryForObject(
                "select exists (select 1 from event_attestation) or exists (select 1 from audit_chain)", Boolean.class);
        if (Boolean.TRUE.equals(chainStarted)) {
            return 0;
        }
        List<String> ids = jdbc.queryForList(
                "select event_identifier from domain_event_entry order by global_index", String.class);
        for (int from = 0; from < ids.size(); from += 1000) {
            attest(ids.subList(from, Math.min(ids.size(), from + 1000)));
        }
        return ids.size();
    }
}

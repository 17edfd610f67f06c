package org.reserveledger.projections.audit;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Attests events in the transaction that appends them: reads each back as stored, signs its
 * canonical encoding with the service's key, and queues it for the chainer. An event that reaches
 * the table any other way has no attestation, so the chainer leaves it out and the verifier reports it.
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

    /** Must run in the transaction that appended these events. */
    public void attest(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        List<RecordedEvent> events = jdbc.query(
                "select " + RecordedEvent.COLUMNS + " from domain_event_entry e where e.event_identifier = any(?)",
                (rs, n) -> RecordedEvent.fromRow(rs), (Object) eventIds.toArray(String[]::new));
        List<Object[]> attestations = new ArrayList<>(events.size());
        List<Object[]> pending = new ArrayList<>(events.size());
        for (RecordedEvent event : events) {
            attestations.add(new Object[]{event.position(), event.eventId(), key.attest(event)});
            pending.add(new Object[]{event.position()});
        }
        jdbc.batchUpdate("insert into event_attestation (global_index, event_identifier, mac) values (?, ?, ?)",
                attestations);
        jdbc.batchUpdate("insert into audit_chain_pending (global_index) values (?)", pending);
        publisher.publishEvent(new EventsAttested(events.size()));
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

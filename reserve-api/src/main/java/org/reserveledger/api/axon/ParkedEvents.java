package org.reserveledger.api.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The events projections have parked in their dead-letter queues: what they are and why they
 * failed, and the two ways out — applying them again once the cause is fixed, or evicting the
 * event that keeps failing so the events parked behind it can follow.
 */
@Component
public class ParkedEvents {

    private static final Logger log = LoggerFactory.getLogger(ParkedEvents.class);

    private final EventProcessingConfiguration processing;
    private final DeadLetterProperties properties;
    private final Clock clock;

    ParkedEvents(EventProcessingConfiguration processing, DeadLetterProperties properties, Clock clock) {
        this.processing = processing;
        this.properties = properties;
        this.clock = clock;
    }

    /** How many events the projection holds parked; 0 for one that parks nothing. */
    public long count(String projection) {
        return queue(projection).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    /** The projection's parked events, sequence by sequence and in order within each, at most {@code limit}. */
    public List<ParkedEvent> list(String projection, int limit) {
        List<ParkedEvent> parked = new ArrayList<>();
        queue(projection).ifPresent(queue -> {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (parked.size() >= limit) {
                        return;
                    }
                    parked.add(ParkedEvent.of(letter));
                }
            }
        });
        return parked;
    }

    /** Applies every parked sequence of the projection again now, each from its first event on. */
    public Retried retry(String projection) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(projection).orElseThrow();
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processor(projection);
        List<String> cleared = new ArrayList<>();
        List<ParkedEvent> stillParked = new ArrayList<>();
        for (String sequence : sequences(queue)) {
            ProjectionSavepoints.retryingParked(() -> processor.process(letter -> sequenceOf(letter).equals(sequence)));
            headLetter(queue, sequence).map(ParkedEvent::of)
                    .ifPresentOrElse(stillParked::add, () -> cleared.add(sequence));
        }
        return new Retried(projection, cleared, stillParked);
    }

    /**
     * Drops the first parked event of a sequence, the one that failed, from the projection for good; the
     * events parked behind it stay parked until they are retried.
     *
     * @return the evicted event, or empty if the sequence holds none
     */
    public Optional<ParkedEvent> evict(String projection, String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(projection).orElseThrow();
        Optional<DeadLetter<? extends EventMessage<?>>> head = headLetter(queue, sequence);
        head.ifPresent(letter -> {
            queue.evict(letter);
            log.warn("Evicted event {} ({}) at position {} from projection {}; the projection will never apply it",
                    letter.message().getIdentifier(), letter.message().getPayloadType().getSimpleName(),
                    ParkedEvent.positionOf(letter), projection);
        });
        return head.map(ParkedEvent::of);
    }

    /** Tries again every parked sequence whose back-off since its last attempt has passed. */
    void retryDue(String projection) {
        queue(projection).ifPresent(queue -> {
            SequencedDeadLetterProcessor<EventMessage<?>> processor = processor(projection);
            Instant now = clock.instant();
            Predicate<DeadLetter<? extends EventMessage<?>>> due = letter -> !letter.lastTouched()
                    .plus(properties.backOffAfter(ParkingPolicy.retries(letter))).isAfter(now);
            // Each call takes at most one sequence; a failed one is touched again, so it is not due twice.
            for (long i = queue.amountOfSequences(); i > 0; i--) {
                ProjectionSavepoints.retryingParked(() -> processor.process(due));
            }
        });
    }

    /** The first event the projection holds parked, the one that stops it longest. */
    public Optional<ParkedEvent> first(String projection) {
        return list(projection, 1).stream().findFirst();
    }

    private static List<String> sequences(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<String> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                sequences.add(sequenceOf(letter));
                break;
            }
        }
        return sequences;
    }

    private static Optional<DeadLetter<? extends EventMessage<?>>> headLetter(
            SequencedDeadLetterQueue<EventMessage<?>> queue, String sequence) {
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(sequence)) {
            return Optional.of(letter);
        }
        return Optional.empty();
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String projection) {
        return processing.deadLetterQueue(projection);
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String projection) {
        return processing.sequencedDeadLetterProcessor(projection)
                .orElseThrow(() -> new IllegalStateException("projection " + projection + " parks no events"));
    }

    private static String sequenceOf(DeadLetter<?> letter) {
        // The queue is Axon's JDBC one (see AxonConfiguration), whose letters know their sequence.
        return ((JdbcDeadLetter<?>) letter).getSequenceIdentifier();
    }

    /**
     * One parked event.
     *
     * @param sequence    the sequence it holds up: the events of this sequence after it are parked behind it
     * @param position    its global position in the stream
     * @param eventType   its payload type
     * @param aggregateId the aggregate that appended it
     * @param error       why it failed, the last time it was tried ({@code null} for an event parked behind another)
     * @param retries     how many times it has been tried again since it was parked
     */
    public record ParkedEvent(String sequence, long position, String eventId, String eventType, String aggregateId,
                              String error, Instant enqueuedAt, Instant lastTouched, long retries) {

        static ParkedEvent of(DeadLetter<? extends EventMessage<?>> letter) {
            EventMessage<?> event = letter.message();
            return new ParkedEvent(sequenceOf(letter), positionOf(letter), event.getIdentifier(),
                    event.getPayloadType().getSimpleName(),
                    event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null,
                    letter.cause().map(ParkedEvent::describe).orElse(null), letter.enqueuedAt(), letter.lastTouched(),
                    ParkingPolicy.retries(letter));
        }

        static long positionOf(DeadLetter<? extends EventMessage<?>> letter) {
            return letter.message() instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                    ? tracked.trackingToken().position().orElse(-1) : -1;
        }

        private static String describe(Cause cause) {
            return cause.type() + ": " + cause.message();
        }
    }

    /**
     * What a retry did.
     *
     * @param cleared     sequences now applied in full
     * @param stillParked the first event of each sequence that failed again
     */
    public record Retried(String projection, List<String> cleared, List<ParkedEvent> stillParked) {
    }
}

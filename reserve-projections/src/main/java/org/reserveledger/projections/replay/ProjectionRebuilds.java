package org.reserveledger.projections.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Rebuilds a projection from the start of the stream without ever showing a half-built view:
 * its handlers replay every event into copies of its tables in a schema of their own, batch by
 * batch, while the live tables keep answering and keep following the stream. When the copy has
 * caught up, the live processor pauses, the copy applies the last few events, and one transaction
 * swaps the copies in and moves the processor's token to where the copy ended; then the processor
 * resumes from there. The projections' checkpoints are retired with the swap.
 * <p>
 * A rebuild never parks an event: an event its handlers cannot apply fails the rebuild, which says
 * which event and why, and the live tables stay as they were (with their own parked events), since a
 * table missing an event must never be swapped in. A rebuild that completes has applied every event,
 * those the live projection parked included, so the swap empties the projection's dead-letter queue.
 */
@Component
public class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    private final ProjectionCatalog catalog;
    private final EventStorageEngine storage;
    private final JdbcTemplate jdbc;
    private final ProjectionTables tables;
    private final TransactionTemplate transactions;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;
    private final Clock clock;
    private final int batchSize;
    private final Duration pause;
    private final ProjectionCheckpoints checkpoints;
    private final Map<String, RebuildStatus> statuses = new ConcurrentHashMap<>();

    public ProjectionRebuilds(ProjectionCatalog catalog, EventStorageEngine storage, JdbcTemplate jdbc,
                              PlatformTransactionManager transactions, Serializer serializer,
                              EventProcessingConfiguration processing, Clock clock, ProjectionCheckpoints checkpoints,
                              @Value("${reserve.projections.rebuild.batch-size:1000}") int batchSize,
                              @Value("${reserve.projections.rebuild.pause:0ms}") Duration pause) {
        this.catalog = catalog;
        this.storage = storage;
        this.jdbc = jdbc;
        this.tables = new ProjectionTables(jdbc);
        this.transactions = new TransactionTemplate(transactions);
        this.serializer = serializer;
        this.processing = processing;
        this.clock = clock;
        this.batchSize = batchSize;
        this.pause = pause;
        this.checkpoints = checkpoints;
    }

    public RebuildStatus status(String projection) {
        return statuses.getOrDefault(projection, RebuildStatus.NEVER);
    }

    public boolean replaying(String projection) {
        return status(projection).replaying();
    }

    /**
     * Starts rebuilding a projection in the background.
     *
     * @return {@code false} if it is already rebuilding
     * @throws IllegalArgumentException for a projection that does not exist
     */
    public boolean start(String name) {
        Projection projection = catalog.named(name).orElseThrow(() -> new IllegalArgumentException("no projection " + name));
        RebuildStatus started = new RebuildStatus(true, -1, clock.instant(), null, 0, null);
        RebuildStatus previous = statuses.get(name);
        boolean claimed = previous == null
                ? statuses.putIfAbsent(name, started) == null
                : !previous.replaying() && statuses.replace(name, previous, started);
        if (!claimed) {
            return false;
        }
        Thread.ofPlatform().name("rebuild-" + name).daemon().start(() -> run(projection, started.startedAt()));
        return true;
    }

    private void run(Projection projection, Instant startedAt) {
        String schema = "rebuild_" + projection.name();
        Progress progress = new Progress();
        try {
            log.info("Rebuilding projection {} aside in schema {}", projection.name(), schema);
            transactions.executeWithoutResult(status -> createCopies(projection, schema));
            // Batch by batch until the copy is close to the head; the live tables answer meanwhile.
            while (transactions.execute(status -> replayBatch(projection, schema, progress)) == batchSize) {
                statuses.put(projection.name(), new RebuildStatus(true, progress.position, startedAt, null,
                        progress.events, null));
                if (!pause.isZero()) {
                    Thread.sleep(pause.toMillis());
                }
            }
            swap(projection, schema, progress);
            statuses.put(projection.name(), new RebuildStatus(false, progress.position, startedAt, clock.instant(),
                    progress.events, null));
            log.info("Rebuilt projection {}: {} events replayed, swapped in at position {}", projection.name(),
                    progress.events, progress.position);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Rebuilding projection {} failed; its live tables are unchanged", projection.name(), e);
            try {
                jdbc.execute("drop schema if exists " + schema + " cascade");
            } catch (RuntimeException cleanup) {
                log.warn("Could not drop {}: {}", schema, cleanup.getMessage());
            }
            statuses.put(projection.name(), new RebuildStatus(false, progress.position, startedAt, clock.instant(),
                    progress.events, String.valueOf(e.getMessage())));
        }
    }

    private void createCopies(Projection projection, String schema) {
        jdbc.execute("drop schema if exists " + schema + " cascade");
        tables.createSchema(schema, List.of(projection));
    }

    /** Applies up to one batch of events to the copies; returns how many it applied. */
    private int replayBatch(Projection projection, String schema, Progress progress) {
        tables.resolveTo(schema);
        int[] applied = {0};
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(progress.token, false)) {
            events.limit(batchSize).forEachOrdered(event -> {
                try {
                    projection.apply(event);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("event " + event.getIdentifier() + " ("
                            + event.getPayloadType().getSimpleName() + ") at position "
                            + event.trackingToken().position().orElse(-1) + " cannot be applied: " + e.getMessage(), e);
                }
                progress.advance(event.trackingToken());
                applied[0]++;
            });
        }
        return applied[0];
    }

    private void swap(Projection projection, String schema, Progress progress) throws Exception {
        EventProcessor processor = processing.eventProcessor(projection.name())
                .orElseThrow(() -> new IllegalStateException("no event processor " + projection.name()));
        processor.shutdownAsync().get(30, TimeUnit.SECONDS);
        try {
            transactions.executeWithoutResult(status -> {
                while (replayBatch(projection, schema, progress) > 0) {
                    // the events appended since the last batch
                }
                for (String table : projection.tables()) {
                    jdbc.execute("drop table public." + table);
                    jdbc.execute("alter table " + schema + "." + table + " set schema public");
                }
                jdbc.execute("drop schema " + schema);
                if (progress.token != null) {
                    moveToken(projection.name(), progress.token);
                }
                // The rebuilt tables hold every event the live projection parked; applying them again would count them twice.
                processing.deadLetterQueue(projection.name()).ifPresent(SequencedDeadLetterQueue::clear);
                // A rebuild usually follows a change to the projection's handlers: checkpoints built by the
                // old ones no longer serve, and new ones are built from the start.
                checkpoints.retireAll();
            });
        } finally {
            processor.start();
        }
    }

    private void moveToken(String processorName, TrackingToken token) {
        SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
        int updated = jdbc.update("update token_entry set token = ?, token_type = ?, timestamp = ?, owner = null "
                        + "where processor_name = ?", serialized.getData(), serialized.getType().getName(),
                clock.instant().toString(), processorName);
        if (updated == 0) {
            jdbc.update("insert into token_entry (processor_name, segment, token, token_type, timestamp) values (?, 0, ?, ?, ?)",
                    processorName, serialized.getData(), serialized.getType().getName(), clock.instant().toString());
        }
    }

    private static final class Progress {

        private TrackingToken token;
        private long position = -1;
        private long events;

        void advance(TrackingToken next) {
            token = next;
            position = next.position().orElse(position);
            events++;
        }
    }
}

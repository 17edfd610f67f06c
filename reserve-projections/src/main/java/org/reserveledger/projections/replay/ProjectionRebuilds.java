package org.reserveledger.projections.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.reserveledger.projections.replay.StreamReplay.Cursor;
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

/**
 * Rebuilds a projection from the start of the stream without ever showing a half-built view:
 * its handlers replay every event into copies of its tables in a schema of their own, batch by
 * batch, while the live tables keep answering and keep following the stream. When the copy has
 * caught up, the live processor pauses, the copy applies the last few events, and one transaction
 * swaps the copies in and moves the token of every segment of the processor, through its token store,
 * to where the copy ended; then the processor resumes from there. The projections' checkpoints are retired with the swap.
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
    private final StreamReplay replay;
    private final TokenStore tokenStore;
    private final JdbcTemplate jdbc;
    private final ProjectionTables tables;
    private final TransactionTemplate transactions;
    private final EventProcessingConfiguration processing;
    private final Clock clock;
    private final int batchSize;
    private final Duration pause;
    private final ProjectionCheckpoints checkpoints;
    private final Map<String, RebuildStatus> statuses = new ConcurrentHashMap<>();

    public ProjectionRebuilds(ProjectionCatalog catalog, StreamReplay replay, TokenStore tokenStore, JdbcTemplate jdbc,
                              PlatformTransactionManager transactions,
                              EventProcessingConfiguration processing, Clock clock, ProjectionCheckpoints checkpoints,
                              @Value("${reserve.projections.rebuild.batch-size:5000}") int batchSize,
                              @Value("${reserve.projections.rebuild.pause:0ms}") Duration pause) {
        this.catalog = catalog;
        this.replay = replay;
        this.tokenStore = tokenStore;
        this.jdbc = jdbc;
        this.tables = new ProjectionTables(jdbc);
        this.transactions = new TransactionTemplate(transactions);
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
        Cursor cursor = Cursor.atStart();
        try {
            log.info("Rebuilding projection {} aside in schema {}", projection.name(), schema);
            transactions.executeWithoutResult(status -> createCopies(projection, schema));
            // Batch by batch until the copy is close to the head; the live tables answer meanwhile.
            while (transactions.execute(status -> replayBatch(projection, schema, cursor)) == batchSize) {
                statuses.put(projection.name(), new RebuildStatus(true, cursor.position(), startedAt, null,
                        cursor.applied(), null));
                if (!pause.isZero()) {
                    Thread.sleep(pause.toMillis());
                }
            }
            transactions.executeWithoutResult(status -> tables.analyze(List.of(projection), schema));
            swap(projection, schema, cursor);
            statuses.put(projection.name(), new RebuildStatus(false, cursor.position(), startedAt, clock.instant(),
                    cursor.applied(), null));
            log.info("Rebuilt projection {}: {} events replayed, swapped in at position {}", projection.name(),
                    cursor.applied(), cursor.position());
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
            statuses.put(projection.name(), new RebuildStatus(false, cursor.position(), startedAt, clock.instant(),
                    cursor.applied(), String.valueOf(e.getMessage())));
        }
    }

    private void createCopies(Projection projection, String schema) {
        jdbc.execute("drop schema if exists " + schema + " cascade");
        tables.createSchema(schema, List.of(projection));
    }

    /** Applies up to one batch of events to the copies; returns how many it applied. */
    private long replayBatch(Projection projection, String schema, Cursor cursor) {
        tables.resolveTo(schema);
        return replay.replay(List.of(projection), cursor, Long.MAX_VALUE, batchSize, event -> true);
    }

    private void swap(Projection projection, String schema, Cursor cursor) throws Exception {
        EventProcessor processor = processing.eventProcessor(projection.name())
                .orElseThrow(() -> new IllegalStateException("no event processor " + projection.name()));
        processor.shutdownAsync().get(30, TimeUnit.SECONDS);
        try {
            transactions.executeWithoutResult(status -> {
                while (replayBatch(projection, schema, cursor) > 0) {
                    // the events appended since the last batch
                }
                for (String table : projection.tables()) {
                    jdbc.execute("drop table public." + table);
                    jdbc.execute("alter table " + schema + "." + table + " set schema public");
                }
                jdbc.execute("drop schema " + schema);
                if (cursor.token() != null) {
                    moveTokens(projection.name(), cursor.token());
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

    /**
     * Moves every segment of the processor to where the rebuild ended, through the processor's token store,
     * in the swap's transaction; the processor is shut down, so no segment is claimed by it.
     */
    private void moveTokens(String processorName, TrackingToken token) {
        int[] segments = tokenStore.fetchSegments(processorName);
        if (segments.length == 0) {
            tokenStore.initializeTokenSegments(processorName, 1, token);
            return;
        }
        for (int segment : segments) {
            tokenStore.storeToken(token, processorName, segment);
            tokenStore.releaseClaim(processorName, segment);
        }
    }
}

package org.reserveledger.projections.replay;

import org.reserveledger.projections.replay.StreamReplay.Cursor;
import org.reserveledger.projections.tracking.StreamPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Checkpoints of every projection's tables at fixed positions of the stream, so that a view asOf a
 * past instant replays only the events after the nearest checkpoint, into its tables (see
 * {@link PointInTime}), instead of the whole stream.
 * <p>
 * A checkpoint at position {@code P} holds the tables as the projections' own handlers leave them
 * after every event up to {@code P}, in position order, in a schema of its own. It is built only
 * once no event up to {@code P} can still commit: a short share lock on the event table waits for
 * the appends in flight and fixes the settled head. Each checkpoint starts from a copy of the one
 * before it, so building one costs an interval of events. A checkpoint records the shape of the
 * tables it copied; after a migration changes that shape, or after a projection is rebuilt, the old
 * checkpoints are retired and new ones are built. Retired checkpoints stop being offered at once and
 * their schemas are dropped a while later, so a view already reading one can finish.
 */
@Component
public class ProjectionCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(ProjectionCheckpoints.class);
    private static final long BUILD_LOCK = 0x5245_5345_4350_4b01L;
    private static final Duration RETIRED_GRACE = Duration.ofMinutes(10);

    private final ProjectionCatalog catalog;
    private final StreamReplay replay;
    private final JdbcTemplate jdbc;
    private final ProjectionTables tables;
    private final TransactionTemplate transactions;
    private final StreamPositions stream;
    private final long interval;
    private final int keep;

    public ProjectionCheckpoints(ProjectionCatalog catalog, StreamReplay replay, JdbcTemplate jdbc,
                                 PlatformTransactionManager transactions, StreamPositions stream,
                                 @Value("${reserve.projections.checkpoints.interval:10000}") long interval,
                                 @Value("${reserve.projections.checkpoints.keep:100}") int keep) {
        if (interval < 1 || keep < 1) {
            throw new IllegalArgumentException("reserve.projections.checkpoints.interval and .keep must be positive");
        }
        this.catalog = catalog;
        this.replay = replay;
        this.jdbc = jdbc;
        this.tables = new ProjectionTables(jdbc);
        this.transactions = new TransactionTemplate(transactions);
        this.stream = stream;
        this.interval = interval;
        this.keep = keep;
    }

    /** A checkpoint that can be offered. */
    public record Checkpoint(long position, Instant recordedThrough, long lastEventPosition, String schema) {

        /** Where a replay resumes after this checkpoint: every event up to its position is in it. */
        Cursor cursorAfter() {
            return Cursor.after(position, lastEventPosition, recordedThrough);
        }
    }

    /**
     * Builds the checkpoints the settled stream allows, one interval at a time, retires those beyond
     * the newest {@code keep} or of another shape, and drops the schemas of long-retired ones.
     *
     * @return how many checkpoints were built
     */
    public synchronized int catchUp() {
        dropRetired();
        String fingerprint = fingerprint();
        int retired = jdbc.update("update projection_checkpoint set retired_at = now() "
                + "where retired_at is null and tables_fingerprint <> ?", fingerprint);
        if (retired > 0) {
            log.info("Retired {} projection checkpoints built for another shape of the projections' tables", retired);
        }
        Optional<Checkpoint> previous = offered(fingerprint).stream().findFirst();
        long from = previous.map(Checkpoint::position).orElse(0L);
        if (stream.head() - from < interval) {
            return 0;
        }
        long settled = settledHead();
        int built = 0;
        while (settled - from >= interval) {
            Optional<Checkpoint> next = build(previous, from + interval, fingerprint);
            if (next.isEmpty()) {
                break;
            }
            previous = next;
            from = next.get().position();
            built++;
        }
        jdbc.update("""
                update projection_checkpoint set retired_at = now()
                where retired_at is null
                  and id not in (select id from projection_checkpoint where retired_at is null
                                 order by position desc limit ?)
                """, keep);
        return built;
    }

    /**
     * The newest checkpoint a view asOf {@code asOf} can start from: all of its events were recorded
     * by then, and its tables have their current shape.
     */
    public Optional<Checkpoint> usableFor(Instant asOf) {
        return jdbc.query("""
                        select position, recorded_through, last_event_position, schema_name from projection_checkpoint
                        where retired_at is null and recorded_through <= ? and tables_fingerprint = ?
                        order by position desc limit 1
                        """, (rs, row) -> checkpoint(rs), Timestamp.from(asOf.truncatedTo(ChronoUnit.MICROS)), fingerprint())
                .stream().findFirst();
    }

    /** The checkpoints on offer, newest first (a checkpoint of another table shape is not). */
    public List<Checkpoint> offered() {
        return offered(fingerprint());
    }

    /** Positions between checkpoints. */
    public long interval() {
        return interval;
    }

    /** Stops offering every checkpoint, as after a projection was rebuilt with other handlers. */
    public void retireAll() {
        jdbc.update("update projection_checkpoint set retired_at = now() where retired_at is null");
    }

    private Optional<Checkpoint> build(Optional<Checkpoint> previous, long position, String fingerprint) {
        // Named apart from any retired checkpoint of the same position whose schema is yet to be dropped.
        String schema = "checkpoint_" + position + "_" + UUID.randomUUID().toString().substring(0, 8);
        return transactions.execute(status -> {
            // Another node is building checkpoints, or has just built this one: leave it to that node.
            if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, BUILD_LOCK))
                    || jdbc.queryForObject("select count(*) from projection_checkpoint where position = ? and retired_at is null",
                    Long.class, position) > 0) {
                return Optional.empty();
            }
            tables.createSchema(schema, catalog.all());
            previous.ifPresent(p -> tables.copyRows(catalog.all(), p.schema(), schema));
            tables.resolveTo(schema);
            Cursor cursor = previous.map(Checkpoint::cursorAfter).orElseGet(() -> Cursor.after(0, 0, Instant.EPOCH));
            replay.replay(catalog.all(), cursor, position, Long.MAX_VALUE, event -> true);
            tables.analyze(catalog.all(), schema);
            Checkpoint built = new Checkpoint(position, roundedUp(cursor.latest()), cursor.position(), schema);
            jdbc.update("""
                            insert into projection_checkpoint
                                (position, recorded_through, last_event_position, schema_name, tables_fingerprint)
                            values (?, ?, ?, ?, ?)
                            """, position, Timestamp.from(built.recordedThrough()), built.lastEventPosition(), schema,
                    fingerprint);
            log.info("Checkpointed the projections at position {} in schema {}", position, schema);
            return Optional.of(built);
        });
    }

    /** PostgreSQL keeps microseconds; rounding up keeps "all recorded by then" true. */
    private static Instant roundedUp(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.MICROS);
        return truncated.equals(instant) ? instant : truncated.plus(1, ChronoUnit.MICROS);
    }

    private List<Checkpoint> offered(String fingerprint) {
        return jdbc.query("""
                select position, recorded_through, last_event_position, schema_name from projection_checkpoint
                where retired_at is null and tables_fingerprint = ?
                order by position desc
                """, (rs, row) -> checkpoint(rs), fingerprint);
    }

    private static Checkpoint checkpoint(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Checkpoint(rs.getLong("position"), rs.getTimestamp("recorded_through").toInstant(),
                rs.getLong("last_event_position"), rs.getString("schema_name"));
    }

    /**
     * The head below which no event can still commit: taking a share lock waits for the appends in
     * flight (they hold row-exclusive locks until they end) and holds new ones back only for as long
     * as reading the head takes; any later append draws a higher position. New appends queue behind
     * the waiting lock, so it gives up after a second (an append running that long is rare) and the
     * next run tries again.
     */
    private long settledHead() {
        return transactions.execute(status -> {
            jdbc.execute("set local lock_timeout = '1s'");
            jdbc.execute("lock table domain_event_entry in share mode");
            return stream.head();
        });
    }

    private void dropRetired() {
        List<String> schemas = jdbc.queryForList("select schema_name from projection_checkpoint "
                + "where retired_at < now() - make_interval(secs => ?)", String.class, RETIRED_GRACE.toSeconds());
        for (String schema : schemas) {
            transactions.executeWithoutResult(status -> {
                jdbc.execute("drop schema if exists " + schema + " cascade");
                jdbc.update("delete from projection_checkpoint where schema_name = ?", schema);
            });
        }
    }

    /** The columns of every projection table, in order, hashed. */
    String fingerprint() {
        List<String> tables = catalog.all().stream().flatMap(projection -> projection.tables().stream()).toList();
        return jdbc.queryForObject("""
                select md5(coalesce(string_agg(c.relname || '.' || a.attname || ':' || format_type(a.atttypid, a.atttypmod),
                                               ',' order by c.relname, a.attnum), ''))
                from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relname = any (?) and a.attnum > 0 and not a.attisdropped
                """, String.class, (Object) tables.toArray(String[]::new));
    }
}

package org.reserveledger.projections.audit;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads the whole stream in one repeatable-read, read-only snapshot, with rows fetched a batch at a
 * time so that memory stays constant however long the stream is.
 * <p>
 * The rows are read on a thread of their own and handed to the caller a batch at a time: the driver
 * asks for the next rows only once it has decoded the last ones, so while the caller hashes or writes
 * one batch the database is already sending the next, instead of waiting for the caller. The rows come
 * in PostgreSQL's binary format, which for the stored bytes costs both sides far less than hex.
 */
final class StreamingSnapshot {

    private static final int FETCH_SIZE = 2000;
    private static final int BATCH = 500;
    /** Batches read ahead of the caller at most: a few fetches' worth of rows in memory. */
    private static final int AHEAD = 8;

    private final TransactionTemplate snapshot;
    private final JdbcTemplate streaming;

    StreamingSnapshot(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.snapshot = new TransactionTemplate(transactions.getTransactionManager());
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.streaming = new JdbcTemplate(jdbc.getDataSource()) {
            @Override
            protected void applyStatementSettings(Statement statement) throws SQLException {
                super.applyStatementSettings(statement);
                // Rows in binary: the server does not spell out every stored byte in hex, nor the driver read it back.
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
        };
        this.streaming.setFetchSize(FETCH_SIZE);
    }

    /**
     * Runs {@code reading} in the snapshot on a thread of its own; whatever it emits reaches {@code sink}
     * on the calling thread, in the order emitted. A failure on either side ends both and is thrown here.
     */
    <T> void read(String name, BiConsumer<JdbcTemplate, Consumer<T>> reading, Consumer<T> sink) {
        Handover<T> handover = new Handover<>(BATCH, AHEAD);
        Thread reader = Thread.ofPlatform().name(name).daemon().start(() -> {
            try {
                snapshot.executeWithoutResult(status -> reading.accept(streaming, handover::emit));
                handover.finish(null);
            } catch (Throwable e) {
                handover.finish(e);
            }
        });
        try {
            handover.drainTo(sink);
        } finally {
            handover.cancel();
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        handover.rethrow();
    }
}

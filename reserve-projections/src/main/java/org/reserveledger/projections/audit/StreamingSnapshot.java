package org.reserveledger.projections.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Function;

/**
 * Reads the whole stream in one repeatable-read, read-only snapshot, with rows fetched a batch at a
 * time so that memory stays constant however long the stream is.
 */
final class StreamingSnapshot {

    private static final int FETCH_SIZE = 1000;

    private final TransactionTemplate snapshot;
    private final JdbcTemplate streaming;

    StreamingSnapshot(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.snapshot = new TransactionTemplate(transactions.getTransactionManager());
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(FETCH_SIZE);
    }

    <T> T read(Function<JdbcTemplate, T> reading) {
        return snapshot.execute(status -> reading.apply(streaming));
    }
}

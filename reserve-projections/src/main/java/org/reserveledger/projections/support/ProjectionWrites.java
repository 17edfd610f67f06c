package org.reserveledger.projections.support;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the projections write their tables. An {@link #insert} of a new row is held back until the
 * transaction it belongs to commits, or until a statement that may depend on it runs, and then
 * sent with the other inserts of that transaction, one batch (one round trip) per statement: a
 * processor's batch of events, or a replay's chunk, costs a few round trips instead of several per
 * event. Every other statement (an update, a delete, an upsert that changes a row, a read) goes
 * through {@link #sql}, which first sends what is held back, so it sees and acts on every earlier
 * write in order.
 * <p>
 * Held-back inserts may reach the database in another order than they were made, grouped by
 * statement: inserts of new rows do not depend on each other. Those of one statement keep their
 * order, so of two inserts of one key with {@code on conflict do nothing} the first still wins. The
 * driver sends a batch of {@code insert ... values} as multi-row inserts; an upsert whose rows may
 * meet the same key (a correction of an earlier row) is written {@code insert ... select}, which it
 * sends one row at a time, in order.
 * <p>
 * A failure of a held-back insert surfaces when they are sent: at commit, or at the next
 * {@link #sql} or {@link #flush}. {@link #mark} and {@link #discardFrom} let a caller drop the
 * inserts of an event whose handler failed before they were sent.
 */
@Component
public class ProjectionWrites {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    public ProjectionWrites(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** An insert of a new row, sent with the transaction's other inserts once {@link Insert#add() added}. */
    public Insert insert(String sql) {
        return new Insert(sql);
    }

    /** Any other statement, run now, after every insert held back so far. */
    public JdbcClient.StatementSpec sql(String sql) {
        Pending pending = pending(false);
        if (pending != null) {
            pending.flush();
            pending.direct++;
        }
        return jdbc.sql(sql);
    }

    /** Sends every insert held back in the current transaction. */
    public void flush() {
        Pending pending = pending(false);
        if (pending != null) {
            pending.flush();
        }
    }

    /** Where the current transaction's writes stand, for {@link #discardFrom} and {@link #wroteDirectlySince}. */
    public Mark mark() {
        Pending pending = pending(false);
        return pending == null ? new Mark(0, 0) : new Mark(pending.inserts.size(), pending.direct);
    }

    /** Drops the inserts held back since {@code mark}; those already sent stay. */
    public void discardFrom(Mark mark) {
        Pending pending = pending(false);
        if (pending != null && pending.inserts.size() > mark.inserts()) {
            pending.inserts.subList(mark.inserts(), pending.inserts.size()).clear();
        }
    }

    /** Whether, since {@code mark}, a statement ran or held-back inserts were sent, which no discard undoes. */
    public boolean wroteDirectlySince(Mark mark) {
        Pending pending = pending(false);
        return pending != null && pending.direct > mark.direct();
    }

    /** A position in the current transaction's writes. */
    public record Mark(int inserts, int direct) {
    }

    private Pending pending(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null && create) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    /** One insert being described; {@link #add()} holds it back, or runs it at once outside a transaction. */
    public final class Insert {

        private final String sql;
        private final Params params = new Params();

        private Insert(String sql) {
            this.sql = sql;
        }

        public Insert param(String name, Object value) {
            params.add(name, value);
            return this;
        }

        public void add() {
            Pending pending = pending(true);
            if (pending == null) {
                batches.update(sql, params);
            } else {
                pending.inserts.add(new HeldInsert(sql, params));
            }
        }
    }

    /**
     * A statement run once per flush over all the rows added to it since the last, each of its parameters an
     * array holding one column of those rows, of the PostgreSQL element type given: the statement turns them
     * back into rows ({@code unnest}) and writes them set-based, in one round trip and one execution however
     * many rows there are. What it does with the rows must not depend on their order.
     */
    public SetWrite setWrite(String sql, String... elementTypes) {
        return new SetWrite(sql, elementTypes);
    }

    /** See {@link #setWrite}. */
    public final class SetWrite {

        private final String sql;
        private final String[] elementTypes;

        private SetWrite(String sql, String[] elementTypes) {
            this.sql = sql;
            this.elementTypes = elementTypes.clone();
        }

        /** Adds a row, one value per element type; outside a transaction it is written at once. */
        public void add(Object... values) {
            if (values.length != elementTypes.length) {
                throw new IllegalArgumentException("expected " + elementTypes.length + " values, got " + values.length);
            }
            Pending pending = pending(true);
            if (pending == null) {
                run(List.<Object[]>of(values));
            } else {
                pending.inserts.add(new HeldRow(this, values));
            }
        }

        private void run(List<Object[]> rows) {
            batches.getJdbcTemplate().execute((ConnectionCallback<Void>) connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    // Planned at each run for the rows and tables as they are then: a plan the driver kept from a
                    // run on nearly empty tables (a rebuild's first batches) would scan them whole ever after.
                    statement.unwrap(PGStatement.class).setPrepareThreshold(0);
                    for (int column = 0; column < elementTypes.length; column++) {
                        Object[] values = new Object[rows.size()];
                        for (int row = 0; row < values.length; row++) {
                            values[row] = rows.get(row)[column];
                        }
                        statement.setArray(column + 1, connection.createArrayOf(elementTypes[column], values));
                    }
                    statement.execute();
                }
                return null;
            });
        }
    }

    /**
     * An insert's few parameters, looked up by name in a short array: a batch looks each one up several times
     * per row, which in a map of names to values and types costs more than the insert's own binding.
     */
    private static final class Params implements SqlParameterSource {

        private String[] names = new String[8];
        private Object[] values = new Object[8];
        private int size;

        void add(String name, Object value) {
            int index = indexOf(name);
            if (index >= 0) {
                values[index] = value;
                return;
            }
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size++] = value;
        }

        @Override
        public boolean hasValue(String name) {
            return indexOf(name) >= 0;
        }

        @Override
        public Object getValue(String name) {
            int index = indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException("no value for the parameter " + name);
            }
            return values[index];
        }

        @Override
        public String[] getParameterNames() {
            return Arrays.copyOf(names, size);
        }

        private int indexOf(String name) {
            for (int i = 0; i < size; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** What a transaction holds back: an insert, or a row of a {@link SetWrite}. */
    private sealed interface Held permits HeldInsert, HeldRow {
    }

    private record HeldInsert(String sql, SqlParameterSource params) implements Held {
    }

    private record HeldRow(SetWrite set, Object[] values) implements Held {
    }

    /** The inserts one transaction holds back, sent when it flushes or before it commits. */
    private final class Pending implements TransactionSynchronization {

        private final List<Held> inserts = new ArrayList<>();
        /** Statements run and batches sent so far. */
        private int direct;

        @Override
        public void flush() {
            if (inserts.isEmpty()) {
                return;
            }
            Map<String, List<SqlParameterSource>> bySql = new LinkedHashMap<>();
            Map<SetWrite, List<Object[]>> bySet = new LinkedHashMap<>();
            for (Held held : inserts) {
                switch (held) {
                    case HeldInsert insert -> bySql.computeIfAbsent(insert.sql(), sql -> new ArrayList<>()).add(insert.params());
                    case HeldRow row -> bySet.computeIfAbsent(row.set(), set -> new ArrayList<>()).add(row.values());
                }
            }
            inserts.clear();
            direct++;
            bySql.forEach((sql, rows) -> batches.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new)));
            // After the inserts, which they may read.
            bySet.forEach(SetWrite::run);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            flush();
        }

        // A transaction started inside this one (REQUIRES_NEW) neither sees these inserts nor sends them.
        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(ProjectionWrites.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(ProjectionWrites.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(ProjectionWrites.this);
        }
    }
}

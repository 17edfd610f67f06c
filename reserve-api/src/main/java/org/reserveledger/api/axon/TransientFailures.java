package org.reserveledger.api.axon;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells failures that may pass by themselves (a lost connection, a deadlock, a database shutting
 * down or out of resources, a worker interrupted as its processor stops) from those that will recur on every attempt (a value a column cannot
 * hold, a payload that cannot be read, a broken constraint).
 */
final class TransientFailures {

    /**
     * PostgreSQL's SQLSTATE classes that say nothing about the event: connection exception,
     * transaction rollback (serialization failure, deadlock), insufficient resources, operator
     * intervention (shutdown, cancelled statement) and system error.
     */
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "40", "53", "57", "58");

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        // A processor shutting down interrupts its worker; whatever failed then says nothing about the event.
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InterruptedException || cause instanceof InterruptedIOException
                    || cause instanceof ClosedByInterruptException) {
                return true;
            }
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && TRANSIENT_SQL_STATE_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }
}

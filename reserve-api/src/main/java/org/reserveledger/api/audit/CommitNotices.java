package org.reserveledger.api.audit;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.reserveledger.api.scheduling.DedicatedWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Listens on one connection for the notice that another node committed events ({@code NOTIFY
 * reserve_events}) and calls {@code onNotice} for each batch of notices. A lost connection is
 * reopened with back-off; each (re)opening also calls {@code onNotice}, since notices sent while
 * nobody listened are gone.
 */
final class CommitNotices implements SmartLifecycle {

    static final String CHANNEL = "reserve_events";

    private static final Logger log = LoggerFactory.getLogger(CommitNotices.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(200);
    private static final Duration LONGEST_BACK_OFF = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final Runnable onNotice;
    private volatile Thread listener;

    CommitNotices(DataSource dataSource, Runnable onNotice) {
        this.dataSource = dataSource;
        this.onNotice = onNotice;
    }

    @Override
    public synchronized void start() {
        if (listener == null) {
            // Named the listener before it runs: it listens only while it is the listener, and a thread started
            // first could look before the field names it and end at once, leaving nobody listening.
            Thread thread = Thread.ofPlatform().name("audit-chain-listener").daemon().unstarted(this::listen);
            listener = thread;
            thread.start();
        }
    }

    @Override
    public synchronized void stop() {
        Thread stopping = listener;
        listener = null;
        if (stopping != null) {
            stopping.interrupt();
            try {
                stopping.join(Duration.ofMillis(POLL_MILLIS * 4L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }

    @Override
    public int getPhase() {
        return DedicatedWorker.PHASE;
    }

    private void listen() {
        Duration backOff = FIRST_BACK_OFF;
        while (listening()) {
            try {
                listenOnce();
                backOff = FIRST_BACK_OFF;
            } catch (SQLException | RuntimeException e) {
                if (!listening()) {
                    return;
                }
                log.warn("Lost the connection that listens for committed events; reconnecting in {} ms: {}",
                        backOff.toMillis(), e.getMessage());
                try {
                    Thread.sleep(backOff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backOff = backOff.multipliedBy(2).compareTo(LONGEST_BACK_OFF) < 0 ? backOff.multipliedBy(2) : LONGEST_BACK_OFF;
            }
        }
    }

    private void listenOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("listen " + CHANNEL);
            }
            try {
                PGConnection notices = connection.unwrap(PGConnection.class);
                onNotice.run();
                while (listening()) {
                    PGNotification[] received = notices.getNotifications(POLL_MILLIS);
                    if (received != null && received.length > 0) {
                        onNotice.run();
                    }
                }
            } finally {
                unlisten(connection);
            }
        }
    }

    /**
     * The connection goes back to the pool, where one still listening would hoard notices nobody reads;
     * a broken one fails here, and the pool discards it.
     */
    private static void unlisten(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("unlisten *");
        } catch (SQLException e) {
            log.debug("Could not stop listening on a connection already lost: {}", e.getMessage());
        }
    }

    private boolean listening() {
        return listener == Thread.currentThread() && !Thread.currentThread().isInterrupted();
    }
}

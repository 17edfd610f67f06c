package org.reserveledger.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Reserve Ledger's own settings, under {@code reserve.*}.
 *
 * @param dataDir           where the embedded database and generated tokens live
 * @param embeddedDatabase  settings of the embedded PostgreSQL, used when no datasource URL is set
 * @param viewWait          how long a view waits for {@code minPosition} before answering 503
 * @param snapshotThreshold events after which an aggregate's state is snapshotted
 * @param aggregateCacheSize how many aggregates of each type are kept in memory between commands
 */
@ConfigurationProperties("reserve")
public record ReserveProperties(@DefaultValue("./data") Path dataDir,
                                @DefaultValue EmbeddedDatabase embeddedDatabase,
                                @DefaultValue("5s") Duration viewWait,
                                @DefaultValue("1000") int snapshotThreshold,
                                @DefaultValue("4096") long aggregateCacheSize) {

    /**
     * @param port the embedded server's port; 0 picks a free one at each start
     */
    public record EmbeddedDatabase(@DefaultValue("0") int port) {
    }
}

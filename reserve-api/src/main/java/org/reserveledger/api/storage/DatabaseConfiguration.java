package org.reserveledger.api.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.reserveledger.api.ReserveProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Provides the one DataSource everything shares: Flyway, Axon's event and token stores, the
 * projections and the views. With {@code spring.datasource.url} set it points at that server;
 * otherwise it starts PostgreSQL from the embedded binaries with its data under
 * {@code reserve.data-dir}, durable: a command answered 201 has reached the disk and survives a
 * crash of the service, of PostgreSQL or of the machine.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** Crash recovery replays the WAL written since the last checkpoint before the server accepts connections. */
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
    EmbeddedPostgres embeddedPostgres(ReserveProperties properties) throws IOException {
        Path directory = properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
        Files.createDirectories(directory);
        LeftoverServer.stopIn(directory);
        log.info("Starting embedded PostgreSQL with its data in {}", directory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(properties.embeddedDatabase().port())
                .setPGStartupWait(STARTUP_WAIT)
                // Spring stops the server as this bean is destroyed, after the pool and the event processors
                // have closed; a shutdown hook of its own would stop it under them while they still run.
                .setRegisterShutdownHook(false);
        durableSettings(System.getProperty("os.name")).forEach(builder::setServerConfig);
        return builder.start();
    }

    /**
     * The server settings that make a commit durable. The embedded binaries are made for throwaway test
     * servers and start without fsync ({@code -F}) and with {@code synchronous_commit=off}; these
     * settings, given after that flag, take precedence over it.
     */
    static Map<String, String> durableSettings(String operatingSystem) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fsync", "on");
        settings.put("synchronous_commit", "on");
        settings.put("full_page_writes", "on");
        String system = operatingSystem.toLowerCase(Locale.ROOT);
        if (system.startsWith("mac") || system.startsWith("windows")) {
            // PostgreSQL's default there flushes to the drive's volatile write cache, not to the medium.
            settings.put("wal_sync_method", "fsync_writethrough");
        }
        return settings;
    }

    /** Pool settings beyond these defaults come from Boot's own {@code spring.datasource.hikari.*}. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, Optional<EmbeddedPostgres> embedded) {
        HikariDataSource dataSource = new HikariDataSource();
        // Depending on the embedded server (when there is one) makes it stop only after the pool has closed.
        EmbeddedPostgres server = embedded.orElse(null);
        if (server != null && !StringUtils.hasText(properties.getUrl())) {
            dataSource.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
            dataSource.setUsername("postgres");
        } else {
            dataSource.setJdbcUrl(properties.getUrl());
            dataSource.setUsername(properties.getUsername());
            dataSource.setPassword(properties.getPassword());
        }
        dataSource.setPoolName("reserve");
        dataSource.setMaximumPoolSize(20);
        // A JDBC batch of inserts (a projection's rows of a processor batch, the audit chain's links) goes to the
        // server as multi-row inserts instead of one statement per row. Batches that read generated keys back
        // (the event store's append) are sent unchanged.
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        return dataSource;
    }
}

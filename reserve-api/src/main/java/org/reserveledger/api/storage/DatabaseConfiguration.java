package org.reserveledger.api.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.reserveledger.api.ReserveProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Provides the one DataSource everything shares: Flyway, Axon's event and token stores, the
 * projections and the views. With {@code spring.datasource.url} set it points at that server;
 * otherwise it starts PostgreSQL from the embedded binaries with its data under
 * {@code reserve.data-dir}, so a restart finds everything as it was.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
    EmbeddedPostgres embeddedPostgres(ReserveProperties properties) throws IOException {
        Path directory = properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
        Files.createDirectories(directory);
        log.info("Starting embedded PostgreSQL with its data in {}", directory);
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(properties.embeddedDatabase().port())
                // Spring stops the server as this bean is destroyed, after the pool and the event processors
                // have closed; a shutdown hook of its own would stop it under them while they still run.
                .setRegisterShutdownHook(false)
                .start();
    }

    @Bean(destroyMethod = "close")
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
        return dataSource;
    }
}

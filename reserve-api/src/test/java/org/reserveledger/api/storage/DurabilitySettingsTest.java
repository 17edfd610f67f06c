package org.reserveledger.api.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reserveledger.api.ReserveProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL the service starts when no database is configured keeps every commit it
 * acknowledged through a crash: read back from the running server, not from the settings given.
 */
class DurabilitySettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedServerFlushesEveryCommitToDiskBeforeAcknowledgingIt() {
        new ApplicationContextRunner()
                .withUserConfiguration(Properties.class, DatabaseConfiguration.class)
                .withPropertyValues("reserve.data-dir=" + dataDir)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
                    assertThat(show(jdbc, "fsync")).isEqualTo("on");
                    assertThat(show(jdbc, "synchronous_commit")).isEqualTo("on");
                    assertThat(show(jdbc, "full_page_writes")).isEqualTo("on");
                    // Linux's default; each of these makes a WAL write reach the disk before a commit returns.
                    assertThat(show(jdbc, "wal_sync_method"))
                            .isIn("fdatasync", "fsync", "fsync_writethrough", "open_datasync", "open_sync");
                    assertThat(show(jdbc, "data_checksums")).isEqualTo("on");
                });
    }

    @Test
    void whereTheDefaultFlushStopsAtTheDrivesCacheTheWalIsWrittenThrough() {
        assertThat(DatabaseConfiguration.durableSettings("Mac OS X")).containsEntry("wal_sync_method", "fsync_writethrough");
        assertThat(DatabaseConfiguration.durableSettings("Windows 11")).containsEntry("wal_sync_method", "fsync_writethrough");
        assertThat(DatabaseConfiguration.durableSettings("Linux")).doesNotContainKey("wal_sync_method")
                .containsEntry("fsync", "on").containsEntry("synchronous_commit", "on").containsEntry("full_page_writes", "on");
    }

    private static String show(JdbcClient jdbc, String setting) {
        return jdbc.sql("show " + setting).query(String.class).single();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ReserveProperties.class, DataSourceProperties.class})
    static class Properties {
    }
}

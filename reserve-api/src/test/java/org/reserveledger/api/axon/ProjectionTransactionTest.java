package org.reserveledger.api.axon;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.Eventually;
import org.reserveledger.api.support.TestDatabase;
import org.reserveledger.domain.inventory.SiteRegistered;
import org.reserveledger.projections.tracking.ProjectionPositions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection's rows and its token are written in one transaction: a handler that fails leaves
 * neither its rows nor its token advanced, and once it recovers the event is applied exactly once.
 * With Spring Boot 4, Axon would otherwise run without any transaction and this would fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "axon.eventhandling.processors.probe.mode=pooled")
@ActiveProfiles("test")
class ProjectionTransactionTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProjectionPositions positions;

    @Autowired
    FailingProbe probe;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, ProjectionTransactionTest.class);
    }

    @Test
    void aFailingProjectionHandlerLeavesNeitherRowsNorTokenAdvancedAndAppliesOnceRecovered() {
        jdbc.sql("create table probe_row (site_id varchar(32) not null)").update();
        Api governance = new Api(port, null).as("GOVERNANCE");

        Api.Response registered = governance.post("/api/v1/sites",
                Api.json("siteId", "PROBE-1", "name", "Probe", "state", "NV", "capacityTonnes", 1));
        assertThat(registered.status()).isEqualTo(201);
        long position = registered.position();

        await(() -> probe.attempts.get() >= 2, "the probe handler to fail and be retried");
        assertThat(jdbc.sql("select count(*) from probe_row").query(Long.class).single()).isZero();
        assertThat(positions.hasApplied("probe", position)).isFalse();
        await(() -> positions.hasApplied("inventory", position), "the inventory projection to apply the event");

        probe.failing = false;
        await(() -> positions.hasApplied("probe", position), "the probe to apply the event once healthy");
        assertThat(jdbc.sql("select count(*) from probe_row where site_id = 'PROBE-1'").query(Long.class).single())
                .isEqualTo(1);
    }

    @TestConfiguration
    static class ProbeConfiguration {

        @Bean
        FailingProbe failingProbe(JdbcClient jdbc) {
            return new FailingProbe(jdbc);
        }
    }

    /** Writes a row for each probe site, then fails while {@link #failing} is set. */
    @ProcessingGroup("probe")
    static class FailingProbe {

        private final JdbcClient jdbc;
        final AtomicInteger attempts = new AtomicInteger();
        volatile boolean failing = true;

        FailingProbe(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(SiteRegistered event) {
            if (!event.siteId().value().startsWith("PROBE-")) {
                return;
            }
            jdbc.sql("insert into probe_row (site_id) values (:site)").param("site", event.siteId().value()).update();
            attempts.incrementAndGet();
            if (failing) {
                throw new IllegalStateException("probe projection failure after writing its row");
            }
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        Eventually.await(what, Duration.ofSeconds(60), Duration.ofMillis(50), condition);
    }
}

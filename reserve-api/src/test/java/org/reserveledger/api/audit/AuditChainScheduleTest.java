package org.reserveledger.api.audit;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.Reserve;
import org.reserveledger.api.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain follows the stream on its own: an event is linked shortly after it commits, with no
 * audit request to prompt it. The context is closed after the class, while its database still runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "reserve.audit.chain-schedule=true", "reserve.audit.chain-interval=100ms"})
@ActiveProfiles("test")
@DirtiesContext
class AuditChainScheduleTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // A second context on the shared database would run a second set of projections beside the first.
        TestDatabase.useOwn(registry, AuditChainScheduleTest.class);
    }

    @Test
    void anEventIsLinkedShortlyAfterItCommits() throws InterruptedException {
        long position = new Api(port, null).as("GOVERNANCE").post("/api/v1/sites",
                Api.json("siteId", Reserve.newSiteId("NV"), "name", "Scheduled", "state", "NV", "capacityTonnes", 5))
                .position();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!linked(position)) {
            assertThat(Instant.now()).as("position %d linked within 10 s", position).isBefore(deadline);
            Thread.sleep(20);
        }
        assertThat(jdbc.sql("select count(*) from audit_chain_pending where global_index = :p").param("p", position)
                .query(Long.class).single()).isZero();
    }

    private boolean linked(long position) {
        return jdbc.sql("select count(*) from audit_chain where global_index = :p").param("p", position)
                .query(Long.class).single() == 1;
    }
}

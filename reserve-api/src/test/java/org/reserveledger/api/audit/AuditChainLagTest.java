package org.reserveledger.api.audit;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.Reserve;
import org.reserveledger.api.support.TestDatabase;
import org.reserveledger.projections.audit.AuditChainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain's lag as health and metrics show it to admins. The chain schedule is off (as in the
 * test profile), so events stay unlinked until the test catches the chain up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditChainLagTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditChainer chainer;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, AuditChainLagTest.class);
    }

    @Test
    void unlinkedEventsAreReportedUntilTheChainCatchesUp() {
        Reserve reserve = new Reserve(new Api(port, null), jdbc);
        String site = reserve.registerSite("NV", "1000");
        assertThat(reserve.deposit(site, "LITHIUM", "12.5", "14000", "AU").status()).isEqualTo(201);
        long unlinked = jdbc.sql("""
                select count(*) from domain_event_entry e
                where not exists (select 1 from audit_chain c where c.global_index = e.global_index)
                """).query(Long.class).single();
        assertThat(unlinked).isPositive();

        JsonNode lagging = health();
        assertThat(lagging.get("status").asString()).isEqualTo("UP");
        assertThat(lagging.get("details").get("unlinkedEvents").asLong()).isEqualTo(unlinked);
        assertThat(lagging.get("details").get("oldestUnlinkedSeconds").asDouble()).isPositive();
        assertThat(metric("reserve.audit.chain.lag.events")).isEqualTo(unlinked);
        assertThat(metric("reserve.audit.chain.lag.seconds")).isPositive();

        assertThat(chainer.catchUp()).isEqualTo((int) unlinked);

        JsonNode caughtUp = health();
        assertThat(caughtUp.get("status").asString()).isEqualTo("UP");
        assertThat(caughtUp.get("details").get("unlinkedEvents").asLong()).isZero();
        assertThat(caughtUp.get("details").get("oldestUnlinkedSeconds").asDouble()).isZero();
        assertThat(metric("reserve.audit.chain.lag.events")).isZero();
        assertThat(metric("reserve.audit.chain.lag.seconds")).isZero();
    }

    private JsonNode health() {
        Api.Response response = new Api(port, null).as("ADMIN").get("/actuator/health");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("components").get("auditChain");
    }

    private double metric(String name) {
        Api.Response response = new Api(port, null).as("ADMIN").get("/actuator/metrics/" + name);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("measurements").get(0).get("value").asDouble();
    }
}

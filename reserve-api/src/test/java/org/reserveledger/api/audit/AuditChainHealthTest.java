package org.reserveledger.api.audit;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.Reserve;
import org.reserveledger.api.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a node that links the chain, health turns DOWN only when an event has waited to be linked for
 * longer than {@code reserve.audit.chain-lag-limit}: here one queued with an attestation that does
 * not match it, which the chainer never links. This class has a database of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "reserve.audit.chain-schedule=true", "reserve.audit.chain-lag-limit=1m"})
@ActiveProfiles("test")
class AuditChainHealthTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, AuditChainHealthTest.class);
    }

    @Test
    void anEventThatCannotBeLinkedTurnsHealthDownOnceOlderThanTheLimit() throws InterruptedException {
        new Reserve(new Api(port, null), jdbc).registerSite("NV", "1000");
        awaitNoLag();
        assertThat(health().get("status").asString()).isEqualTo("UP");

        long stuck = queueUnlinkableEventRecordedAt(Instant.now().minus(Duration.ofMinutes(2)));

        JsonNode health = health();
        assertThat(health.get("status").asString()).isEqualTo("DOWN");
        assertThat(health.get("details").get("unlinkedEvents").asLong()).isEqualTo(1);
        assertThat(health.get("details").get("oldestUnlinkedSeconds").asDouble()).isGreaterThan(60);
        assertThat(jdbc.sql("select count(*) from audit_chain where global_index = :p").param("p", stuck)
                .query(Long.class).single()).isZero();
    }

    private long queueUnlinkableEventRecordedAt(Instant recordedAt) {
        String eventId = UUID.randomUUID().toString();
        long position = jdbc.sql("""
                        insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        values (:id, :aggregate, 0, 'Forged', :at, 'org.reserveledger.test.ForgedNote', null,
                                convert_to('{}', 'UTF8'), convert_to('{}', 'UTF8'))
                        returning global_index
                        """)
                .param("id", eventId).param("aggregate", UUID.randomUUID().toString()).param("at", recordedAt.toString())
                .query(Long.class).single();
        jdbc.sql("insert into event_attestation values (:p, :id, sha256(convert_to('forged', 'UTF8')))")
                .param("p", position).param("id", eventId).update();
        jdbc.sql("insert into audit_chain_pending values (:p)").param("p", position).update();
        return position;
    }

    private void awaitNoLag() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (health().get("details").get("unlinkedEvents").asLong() > 0) {
            assertThat(Instant.now()).as("the chain catches up within 10 s").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private JsonNode health() {
        Api.Response response = new Api(port, null).as("ADMIN").get("/actuator/health");
        return response.json().get("components").get("auditChain");
    }
}

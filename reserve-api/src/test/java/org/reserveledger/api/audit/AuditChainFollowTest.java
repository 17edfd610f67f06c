package org.reserveledger.api.audit;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.Eventually;
import org.reserveledger.api.support.Reserve;
import org.reserveledger.api.support.TestDatabase;
import org.reserveledger.projections.audit.AttestationKey;
import org.reserveledger.projections.audit.EventAttestation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain follows commits promptly on its own thread. The catch-up that runs without notice is set
 * to an hour, so an event linked within seconds was linked because its commit, or another node's
 * notice, woke the chainer. Checkpoints are scheduled every 200 ms, to show that a build held up
 * does not hold up the chain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "reserve.audit.chain-schedule=true", "reserve.audit.chain-interval=1h",
        "reserve.projections.checkpoints.schedule=true", "reserve.projections.checkpoints.initial-delay=0s",
        "reserve.projections.checkpoints.period=200ms"})
@ActiveProfiles("test")
class AuditChainFollowTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(5);
    /** How long the listener may take to get a connection, on a machine busy with other test contexts. */
    private static final Duration CONNECTING = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    AttestationKey key;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, AuditChainFollowTest.class);
    }

    @Test
    void anEventIsLinkedPromptlyAfterItsCommandIsAnswered() {
        long position = registerSite();

        awaitLinked(position);
    }

    @Test
    void theChainKeepsLinkingWhileACheckpointBuildIsHeldUp() throws Exception {
        try (Connection blocker = dataSource.getConnection(); Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            statement.execute("lock table projection_checkpoint in access exclusive mode");
            try {
                await("the checkpoint builder waits for the table", this::checkpointBuilderWaits);

                long position = registerSite();

                awaitLinked(position);
                assertThat(checkpointBuilderWaits()).as("the checkpoint build is still held up").isTrue();
            } finally {
                blocker.rollback();
            }
        }
    }

    @Test
    void aNoticeFromAnotherNodeWakesTheChainer() {
        // The listener connects on a thread of its own after the context starts; a notice before that reaches nobody.
        listenerBackend();
        long position = appendedByAnotherNode();
        assertThat(linked(position)).as("nothing on this node knows of position %d yet", position).isFalse();

        notifyAsAnotherNode();

        awaitLinked(position);
    }

    @Test
    void theListenerReconnectsAfterItsConnectionIsLost() {
        int lost = listenerBackend();
        assertThat(jdbc.sql("select pg_terminate_backend(:pid)").param("pid", lost).query(Boolean.class).single()).isTrue();
        Eventually.await("a new connection listens", CONNECTING, Duration.ofMillis(20),
                () -> listenerBackends().stream().anyMatch(pid -> pid != lost));

        long position = appendedByAnotherNode();
        notifyAsAnotherNode();

        awaitLinked(position);
    }

    private long registerSite() {
        Api.Response response = new Api(port, null).as("GOVERNANCE").post("/api/v1/sites",
                Api.json("siteId", Reserve.newSiteId("NV"), "name", "Followed", "state", "NV", "capacityTonnes", 5));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.position();
    }

    /**
     * An event appended and attested as another node would, whose commit this node hears nothing of.
     * No projection handles its type, so only the chain takes notice of it.
     */
    private long appendedByAnotherNode() {
        EventAttestation otherNode = new EventAttestation(jdbcTemplate, key, event -> { });
        String eventId = UUID.randomUUID().toString();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("""
                            insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                time_stamp, payload_type, payload_revision, payload, meta_data)
                            values (:id, :aggregate, 0, 'OtherNode', :at, 'org.reserveledger.test.OtherNodeNote', null,
                                    convert_to('{}', 'UTF8'), convert_to('{}', 'UTF8'))
                            """)
                    .param("id", eventId).param("aggregate", UUID.randomUUID().toString())
                    .param("at", Instant.now().toString())
                    .update();
            otherNode.attest(List.of(eventId));
        });
        return jdbc.sql("select global_index from domain_event_entry where event_identifier = :id")
                .param("id", eventId).query(Long.class).single();
    }

    private void notifyAsAnotherNode() {
        jdbc.sql("select pg_notify('reserve_events', '')").query((rs, n) -> 0).list();
    }

    private boolean checkpointBuilderWaits() {
        return jdbc.sql("""
                select count(*) from pg_locks l join pg_class c on c.oid = l.relation
                where c.relname = 'projection_checkpoint' and not l.granted
                """).query(Long.class).single() > 0;
    }

    private int listenerBackend() {
        Eventually.await("a connection listens", CONNECTING, Duration.ofMillis(20), () -> listenerBackends().size() == 1);
        return listenerBackends().getFirst();
    }

    private List<Integer> listenerBackends() {
        return jdbc.sql("""
                select pid from pg_stat_activity
                where datname = current_database() and query = 'listen reserve_events' and pid <> pg_backend_pid()
                """).query(Integer.class).list();
    }

    private void awaitLinked(long position) {
        await("position " + position + " linked", () -> linked(position));
    }

    private boolean linked(long position) {
        return jdbc.sql("select count(*) from audit_chain where global_index = :p").param("p", position)
                .query(Long.class).single() == 1;
    }

    private static void await(String what, BooleanSupplier condition) {
        Eventually.await(what, PROMPTLY, Duration.ofMillis(20), condition);
    }
}

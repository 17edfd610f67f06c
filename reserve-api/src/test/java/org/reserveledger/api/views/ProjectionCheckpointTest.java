package org.reserveledger.api.views;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.Concurrently;
import org.reserveledger.api.support.TestDatabase;
import org.reserveledger.projections.replay.ProjectionCatalog;
import org.reserveledger.projections.replay.ProjectionCheckpoints;
import org.reserveledger.projections.replay.StreamReplay;
import org.reserveledger.projections.tracking.StreamPositions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Views asOf a past instant answer the same whether their replay starts from a checkpoint or from
 * the start of the stream, also when events were appended while the checkpoints were built; two
 * nodes build each checkpoint once; a checkpoint of another table shape, or from before a rebuild,
 * is never used.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"reserve.demo=true", "reserve.projections.checkpoints.interval=40"})
@ActiveProfiles("test")
class ProjectionCheckpointTest {

    private static final List<String> VIEWS = PointInTimeTest.VIEWS;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProjectionCheckpoints checkpoints;

    @Autowired
    ProjectionCatalog catalog;

    @Autowired
    StreamReplay replay;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    StreamPositions stream;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, ProjectionCheckpointTest.class);
    }

    @Test
    void aViewAsOfAnInstantIsTheSameReplayedFromACheckpointAsFromTheStart() throws Exception {
        List<Instant> instants = new ArrayList<>();
        instants.add(pause());
        deposits(3);
        instants.add(pause());
        // Appends race the checkpoint builder: a checkpoint must hold exactly the events up to its position.
        AtomicBoolean building = new AtomicBoolean(true);
        List<Integer> built = Concurrently.race(
                () -> {
                    int count = 0;
                    while (building.get()) {
                        count += checkpoints.catchUp();
                    }
                    return count + checkpoints.catchUp();
                },
                () -> {
                    try {
                        deposits(60);
                        return 0;
                    } finally {
                        building.set(false);
                    }
                });
        instants.add(pause());
        checkpoints.catchUp();
        assertThat(built.getFirst()).as("checkpoints built while deposits were appended").isPositive();
        assertThat(offered()).as("one checkpoint per 40 positions").isEqualTo(head() / 40);
        instants.add(pause());
        // After the newest checkpoint, an event whose projection row has a generated key: the copied
        // rows keep theirs, and the replay's new row must not collide with them.
        // It starts today: the demo's books are closed through its first quarter.
        Api.Response committed = new Api(port, null).as("GOVERNANCE").post("/api/v1/commitments", """
                {"manufacturerId":"VOLTCELL","mineral":"NICKEL","quantityTonnes":100,"pricePerTonneUsd":16000,
                 "startDate":"%s","endDate":"2030-12-31","upfrontFeeUsd":50000,"storageFeePerTonneMonthUsd":5,
                 "replenishWithinDays":60}
                """.formatted(java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
        assertThat(committed.status()).as(committed.toString()).isEqualTo(201);
        instants.add(pause());
        long head = head();

        Map<String, Api.Response> fromCheckpoints = answers(instants);
        for (Api.Response answer : fromCheckpoints.values()) {
            assertThat(answer.header(ViewReader.CHECKPOINT_HEADER)).as("the replay started from a checkpoint").isNotNull();
        }
        // The same questions with no checkpoint on offer replay from the start of the stream.
        jdbc.sql("update projection_checkpoint set retired_at = now()").update();
        Map<String, Api.Response> fromTheStart = answers(instants);
        for (String question : fromCheckpoints.keySet()) {
            Api.Response expected = fromTheStart.get(question);
            Api.Response actual = fromCheckpoints.get(question);
            assertThat(expected.header(ViewReader.CHECKPOINT_HEADER)).isNull();
            assertThat(actual.json()).as(question).isEqualTo(expected.json());
            assertThat(actual.header(ViewReader.POSITION_HEADER)).as(question)
                    .isEqualTo(expected.header(ViewReader.POSITION_HEADER));
        }
        // And asOf now equals the live views.
        Instant now = instants.getLast();
        for (String view : VIEWS) {
            assertThat(fromCheckpoints.get(view + "@" + now).json()).as(view)
                    .isEqualTo(auditor().get("/api/v1/views/" + view + "?minPosition=" + head).json());
        }
        // The answers differ between instants, so the comparisons above could fail.
        assertThat(fromTheStart.get("inventory-by-site@" + instants.getFirst()).json())
                .isNotEqualTo(fromTheStart.get("inventory-by-site@" + now).json());
    }

    @Test
    void aCheckpointOfAnotherTableShapeIsNotUsedAndIsReplaced() throws Exception {
        deposits(45);
        checkpoints.catchUp();
        Instant now = pause();
        assertThat(viewAsOf(now).header(ViewReader.CHECKPOINT_HEADER)).isNotNull();
        JsonNode expected = viewAsOf(now).json();
        jdbc.sql("alter table inventory_lot add column inspected_at timestamptz").update();
        try {
            Api.Response stale = viewAsOf(now);
            assertThat(stale.header(ViewReader.CHECKPOINT_HEADER)).as("a checkpoint of the old shape").isNull();
            assertThat(stale.json()).isEqualTo(expected);
            assertThat(checkpoints.catchUp()).as("checkpoints built anew for the new shape").isPositive();
            Api.Response renewed = viewAsOf(now);
            assertThat(renewed.header(ViewReader.CHECKPOINT_HEADER)).isNotNull();
            assertThat(renewed.json()).isEqualTo(expected);
        } finally {
            jdbc.sql("alter table inventory_lot drop column inspected_at").update();
        }
    }

    @Test
    void twoNodesCheckpointingAtOnceBuildEachCheckpointOnce() throws Exception {
        deposits(85);
        jdbc.sql("update projection_checkpoint set retired_at = now()").update();
        // A second node's builder over the same database.
        ProjectionCheckpoints otherNode = new ProjectionCheckpoints(catalog, replay, jdbcTemplate, transactions, stream, 40, 100);
        List<Integer> built = Concurrently.race(checkpoints::catchUp, otherNode::catchUp);
        assertThat(built.getFirst() + built.getLast()).isEqualTo((int) (head() / 40));
        assertThat(jdbc.sql("select count(distinct position) = count(*) from projection_checkpoint where retired_at is null")
                .query(Boolean.class).single()).isTrue();
        assertThat(offered()).isEqualTo(head() / 40);

        Api.Response listed = new Api(port, null).as("ADMIN").get("/api/v1/admin/checkpoints");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().get("interval").asLong()).isEqualTo(40);
        JsonNode newest = listed.json().get("checkpoints").get(0);
        assertThat(newest.get("position").asLong()).isEqualTo(head() / 40 * 40);
        assertThat(listed.json().get("checkpoints")).hasSize((int) (head() / 40));
        assertThat(auditor().get("/api/v1/admin/checkpoints").status()).isEqualTo(403);
    }

    @Test
    void aRebuildRetiresTheCheckpoints() throws Exception {
        deposits(45);
        checkpoints.catchUp();
        assertThat(offered()).isPositive();
        Api admin = new Api(port, null).as("ADMIN");
        assertThat(admin.post("/api/v1/admin/projections/commitments/rebuild", null).status()).isEqualTo(202);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (admin.get("/api/v1/admin/projections/commitments").json().get("replaying").asBoolean()) {
            assertThat(Instant.now()).as("the rebuild finishes").isBefore(deadline);
            Thread.sleep(50);
        }
        assertThat(offered()).isZero();
        assertThat(viewAsOf(pause()).header(ViewReader.CHECKPOINT_HEADER)).isNull();

        // An admin need not wait for the schedule: one request builds one checkpoint per 40 positions of the stream.
        Api.Response built = admin.post("/api/v1/admin/checkpoints", null);
        assertThat(built.status()).as(built.toString()).isEqualTo(200);
        long newest = head() / 40 * 40;
        List<Long> positions = new ArrayList<>();
        built.json().get("checkpoints").forEach(checkpoint -> positions.add(checkpoint.get("position").asLong()));
        assertThat(positions).first().isEqualTo(newest);
        assertThat(positions).hasSize((int) (newest / 40)).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(viewAsOf(pause()).header(ViewReader.CHECKPOINT_HEADER)).isEqualTo(Long.toString(newest));
    }

    private Map<String, Api.Response> answers(List<Instant> instants) {
        Map<String, Api.Response> answers = new LinkedHashMap<>();
        for (Instant at : instants) {
            for (String view : VIEWS) {
                Api.Response response = auditor().get("/api/v1/views/" + view + "?asOf=" + at);
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                answers.put(view + "@" + at, response);
            }
        }
        return answers;
    }

    private Api.Response viewAsOf(Instant at) {
        Api.Response response = auditor().get("/api/v1/views/inventory-by-site?asOf=" + at);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private void deposits(int count) {
        Api operator = new Api(port, null).as("OPERATOR");
        for (int i = 0; i < count; i++) {
            Api.Response deposited = operator.post("/api/v1/sites/NV-RENO-01/deposits", Api.json("mineral", "LITHIUM",
                    "form", "carbonate", "quantityTonnes", 1.5 + i, "unitCostUsd", 12000, "supplier", "Atacama Traders",
                    "originCountry", "CL", "fundingSource", "EXIM_LOAN"));
            assertThat(deposited.status()).as(deposited.toString()).isEqualTo(201);
        }
    }

    private long offered() {
        return jdbc.sql("select count(*) from projection_checkpoint where retired_at is null").query(Long.class).single();
    }

    private long head() {
        return jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
    }

    /** An instant between two events. */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(5);
        Instant at = Instant.now();
        Thread.sleep(5);
        return at;
    }

    private Api auditor() {
        return new Api(port, null).as("AUDITOR");
    }
}

package org.reserveledger.api.admin;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.TestDatabase;
import org.reserveledger.api.views.ViewReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuilds every projection of the demo reserve while its views keep answering. Rebuilds here
 * replay in small, paced batches so that they are observably under way for a while.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "reserve.demo=true", "reserve.projections.rebuild.batch-size=10", "reserve.projections.rebuild.pause=60ms"})
@ActiveProfiles("test")
class ProjectionRebuildTest {

    private static final List<String> PROJECTIONS = List.of("inventory", "commitments", "financing");
    private static final List<String> VIEWS = List.of("/api/v1/views/inventory-by-site",
            "/api/v1/views/inventory-by-mineral", "/api/v1/views/commitments", "/api/v1/views/financing",
            "/api/v1/views/concentration", "/api/v1/sites");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, ProjectionRebuildTest.class);
    }

    @Test
    void everyViewIsTheSameAfterARebuildAndAnswersWithItsLastCompleteStateMeanwhile() throws Exception {
        Map<String, JsonNode> before = views(head());
        Api admin = api().as("ADMIN");

        for (String projection : PROJECTIONS) {
            Api.Response started = admin.post("/api/v1/admin/projections/" + projection + "/rebuild", null);
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            assertThat(started.json().get("replaying").asBoolean()).isTrue();
            assertThat(started.header("Location")).isEqualTo("/api/v1/admin/projections/" + projection);
        }
        Api.Response again = admin.post("/api/v1/admin/projections/inventory/rebuild", null);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);

        boolean sawProgress = false;
        boolean sawRebuildingView = false;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (replaying(admin)) {
            assertThat(Instant.now()).as("rebuilds finish").isBefore(deadline);
            for (JsonNode state : admin.get("/api/v1/admin/projections").json()) {
                BigDecimal progress = state.get("progress").decimalValue();
                assertThat(progress).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
                sawProgress |= state.get("replaying").asBoolean() && progress.signum() > 0
                        && progress.compareTo(BigDecimal.ONE) < 0;
            }
            for (String view : VIEWS) {
                Api.Response meanwhile = api().as("AUDITOR").get(view);
                assertThat(meanwhile.status()).as(view + " " + meanwhile).isEqualTo(200);
                assertThat(meanwhile.json()).as(view + " while rebuilding").isEqualTo(before.get(view));
                sawRebuildingView |= meanwhile.header(ViewReader.REBUILDING_HEADER) != null;
            }
        }
        assertThat(sawProgress).as("a rebuild was seen part way").isTrue();
        assertThat(sawRebuildingView).as("a view said it was being rebuilt").isTrue();

        JsonNode states = admin.get("/api/v1/admin/projections").json();
        long head = head();
        for (JsonNode state : states) {
            assertThat(state.get("rebuild").get("failure").isNull()).as(state.toString()).isTrue();
            assertThat(state.get("rebuild").get("events").asLong()).isEqualTo(head);
            assertThat(state.get("headPosition").asLong()).isEqualTo(head);
        }
        assertThat(views(head)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from information_schema.schemata where schema_name like 'rebuild_%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void eventsAppendedDuringARebuildReachTheRebuiltView() {
        Api admin = api().as("ADMIN");
        BigDecimal onHand = lithiumAtReno(api().as("AUDITOR").get("/api/v1/views/inventory-by-site?minPosition=" + head()).json());
        assertThat(admin.post("/api/v1/admin/projections/inventory/rebuild", null).status()).isEqualTo(202);
        Api.Response deposited = api().as("OPERATOR").post("/api/v1/sites/NV-RENO-01/deposits", Api.json("mineral", "LITHIUM",
                "form", "carbonate", "quantityTonnes", 33.333, "unitCostUsd", 12000, "supplier", "Atacama Traders",
                "originCountry", "CL", "fundingSource", "EXIM_LOAN"));
        assertThat(deposited.status()).as(deposited.toString()).isEqualTo(201);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (replaying(admin)) {
            assertThat(Instant.now()).isBefore(deadline);
        }
        JsonNode rebuild = admin.get("/api/v1/admin/projections/inventory").json().get("rebuild");
        assertThat(rebuild.get("position").asLong()).as("the rebuild itself applied the deposit")
                .isGreaterThanOrEqualTo(deposited.position());
        Api.Response live = api().as("AUDITOR").get("/api/v1/views/inventory-by-site?minPosition=" + deposited.position());
        assertThat(live.status()).as(live.toString()).isEqualTo(200);
        assertThat(lithiumAtReno(live.json())).isEqualByComparingTo(onHand.add(new BigDecimal("33.333")));
        // The rebuilt view equals the same view replayed independently from the stream.
        JsonNode replayed = api().as("AUDITOR").get("/api/v1/views/inventory-by-site?asOf=" + Instant.now()).json();
        assertThat(live.json()).isEqualTo(replayed);
    }

    @Test
    void onlyAdminsRebuildAndOnlyKnownProjections() {
        assertThat(api().as("ADMIN").post("/api/v1/admin/projections/nonsense/rebuild", null).status()).isEqualTo(404);
        assertThat(api().as("ADMIN").get("/api/v1/admin/projections/nonsense").status()).isEqualTo(404);
        for (String role : List.of("AUDITOR", "OPERATOR", "GOVERNANCE", "TREASURY", "MANUFACTURER")) {
            assertThat(api().as(role).post("/api/v1/admin/projections/inventory/rebuild", null).status()).isEqualTo(403);
            assertThat(api().as(role).get("/api/v1/admin/projections").status()).isEqualTo(403);
        }
    }

    private static BigDecimal lithiumAtReno(JsonNode bySite) {
        for (JsonNode site : bySite.get("sites")) {
            if (site.get("siteId").asString().equals("NV-RENO-01")) {
                for (JsonNode mineral : site.get("minerals")) {
                    if (mineral.get("mineral").asString().equals("LITHIUM")) {
                        return mineral.get("onHandTonnes").decimalValue();
                    }
                }
            }
        }
        throw new AssertionError("no lithium at NV-RENO-01");
    }

    private boolean replaying(Api admin) {
        Api.Response states = admin.get("/api/v1/admin/projections");
        assertThat(states.status()).as(states.toString()).isEqualTo(200);
        boolean any = false;
        for (JsonNode state : states.json()) {
            any |= state.get("replaying").asBoolean();
        }
        return any;
    }

    private Map<String, JsonNode> views(long head) {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (String view : VIEWS) {
            Api.Response response = api().as("AUDITOR").get(view + "?minPosition=" + head);
            assertThat(response.status()).as(view + " " + response).isEqualTo(200);
            views.put(view, response.json());
        }
        return views;
    }

    private long head() {
        return jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
    }

    private Api api() {
        return new Api(port, null);
    }
}

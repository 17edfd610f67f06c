package org.reserveledger.api.views;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures every view at several instants of a scenario on the demo reserve, then asks each view
 * {@code asOf} each instant and compares the answers field by field with what was shown then.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "reserve.demo=true")
@ActiveProfiles("test")
class PointInTimeTest {

    static final List<String> VIEWS = List.of("inventory-by-site", "inventory-by-mineral", "commitments",
            "financing", "concentration");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, PointInTimeTest.class);
    }

    record Capture(Instant at, long head, Map<String, JsonNode> views, JsonNode manufacturersOwn) {
    }

    @Test
    void everyViewAsOfAPastInstantEqualsWhatItShowedThen() throws Exception {
        Api auditor = api().as("AUDITOR");
        Api operator = api().as("OPERATOR");
        Api treasury = api().as("TREASURY");
        Api governance = api().as("GOVERNANCE");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Instant beforeAnything = Instant.parse("2020-01-01T00:00:00Z");

        Capture demo = capture();

        assertThat(operator.post("/api/v1/sites/NV-RENO-01/deposits", Api.json("mineral", "LITHIUM", "form", "carbonate",
                "quantityTonnes", 250.5, "unitCostUsd", 12100, "supplier", "Atacama Traders", "originCountry", "CL",
                "fundingSource", "EXIM_LOAN")).status()).isEqualTo(201);
        assertThat(governance.put("/api/v1/reference-prices/LITHIUM",
                Api.json("pricePerTonneUsd", 14250.5, "effectiveFrom", today)).status()).isEqualTo(200);
        String commitment = null;
        for (JsonNode c : auditor.get("/api/v1/views/commitments?manufacturerId=VOLTCELL").json().get("commitments")) {
            if (c.get("mineral").asString().equals("LITHIUM") && c.get("status").asString().equals("ACTIVE")) {
                commitment = c.get("commitmentId").asString();
            }
        }
        assertThat(commitment).as("VoltCell's lithium commitment").isNotNull();
        JsonNode drawn = operator.post("/api/v1/commitments/" + commitment + "/draws",
                Api.json("siteId", "NV-RENO-01", "quantityTonnes", 12.75)).json();
        assertThat(drawn.get("position")).as(drawn.toString()).isNotNull();
        assertThat(treasury.post("/api/v1/financing/facilities/EXIM-VAULT-1/drawdowns",
                Api.json("amountUsd", 25000000, "valueDate", today, "purpose", "Lithium tranche")).status()).isEqualTo(201);
        Capture afterDeposit = capture();

        assertThat(operator.post("/api/v1/sites/NV-RENO-01/withdrawals",
                Api.json("mineral", "LITHIUM", "quantityTonnes", 40, "reason", "ROTATION")).status()).isEqualTo(201);
        assertThat(operator.post("/api/v1/commitments/" + commitment + "/replenishments", Api.json("siteId", "NV-RENO-01",
                "quantityTonnes", 12.75, "unitCostUsd", 12500, "supplier", "Atacama Traders", "originCountry", "CL"))
                .status()).isEqualTo(201);
        assertThat(treasury.post("/api/v1/financing/facilities/EXIM-VAULT-1/repayments",
                Api.json("amountUsd", 5000000, "valueDate", today)).status()).isEqualTo(201);
        Capture later = capture();

        for (Capture then : List.of(demo, afterDeposit, later)) {
            for (String view : VIEWS) {
                Api.Response asOf = auditor.get("/api/v1/views/" + view + "?asOf=" + then.at());
                assertThat(asOf.status()).as(asOf.toString()).isEqualTo(200);
                assertThat(asOf.json()).as(view + " as of " + then.at()).isEqualTo(then.views().get(view));
                assertThat(asOf.header(ViewReader.POSITION_HEADER)).isEqualTo(Long.toString(then.head()));
                assertThat(asOf.header(ViewReader.AS_OF_HEADER)).isEqualTo(then.at().toString());
            }
            assertThat(api().as("MANUFACTURER").get("/api/v1/views/commitments?asOf=" + then.at()).json())
                    .isEqualTo(then.manufacturersOwn());
        }
        // The captures differ, so the comparisons above could fail.
        assertThat(afterDeposit.views()).isNotEqualTo(demo.views());
        assertThat(later.views()).isNotEqualTo(afterDeposit.views());

        for (String view : VIEWS) {
            JsonNode empty = auditor.get("/api/v1/views/" + view + "?asOf=" + beforeAnything).json();
            assertThat(empty.toString()).as(view).doesNotContain("NV-RENO-01", "VOLTCELL", "EXIM-VAULT-1");
        }
        // An explicit value date still applies to a past instant.
        JsonNode earlier = auditor.get("/api/v1/views/financing?asOf=" + afterDeposit.at() + "&valueDate=" + today).json();
        assertThat(earlier).isEqualTo(afterDeposit.views().get("financing"));
    }

    @Test
    void anAsOfInTheFutureOrMalformedIsRefused() {
        Api auditor = api().as("AUDITOR");
        for (String asOf : List.of(Instant.now().plusSeconds(3600).toString(), "yesterday", "2026-13-01T00:00:00Z")) {
            Api.Response response = auditor.get("/api/v1/views/inventory-by-site?asOf=" + asOf);
            assertThat(response.status()).as(asOf + " " + response).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    private Capture capture() throws InterruptedException {
        long head = jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (String view : VIEWS) {
            Api.Response response = api().as("AUDITOR").get("/api/v1/views/" + view + "?minPosition=" + head);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            views.put(view, response.json());
        }
        JsonNode own = api().as("MANUFACTURER").get("/api/v1/views/commitments?minPosition=" + head).json();
        Thread.sleep(5);
        Instant at = Instant.now();
        Thread.sleep(5);
        return new Capture(at, head, views, own);
    }

    private Api api() {
        return new Api(port, null);
    }
}

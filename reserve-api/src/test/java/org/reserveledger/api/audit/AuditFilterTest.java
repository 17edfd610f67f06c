package org.reserveledger.api.audit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;
import org.reserveledger.api.support.Reserve;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log's filters, alone and combined, against a scenario this class sends itself: the events
 * expected are those its own commands append (one per site command, two for a transfer: the dispatch at
 * its source and the reservation at its destination).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditFilterTest extends ApiIntegrationTest {

    private static final String OPERATOR = "operator-tester";
    private static final String GOVERNANCE = "governance-tester";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private long start;
    private String a;
    private String b;
    private Instant afterFirstDeposits;
    private Instant beforeTransfer;
    /** Every event the scenario appended, as "Type@aggregate", in the order its commands were sent. */
    private final List<String> appended = new ArrayList<>();

    @BeforeAll
    void sendTheScenario() throws InterruptedException {
        Reserve setup = new Reserve(new Api(port, null), jdbc);
        start = setup.head();
        a = Reserve.newSiteId("NV");
        b = Reserve.newSiteId("AZ");
        command("GOVERNANCE", "reg-a", "/api/v1/sites", site(a), "SiteRegistered@" + a);
        command("GOVERNANCE", "reg-b", "/api/v1/sites", site(b), "SiteRegistered@" + b);
        command("OPERATOR", "dep-1", "/api/v1/sites/" + a + "/deposits", deposit("10"), "LotDeposited@" + a);
        command("OPERATOR", "dep-2", "/api/v1/sites/" + a + "/deposits", deposit("20"), "LotDeposited@" + a);
        // Axon records instants to the millisecond: a pause on each side keeps every event off the boundary.
        Thread.sleep(5);
        afterFirstDeposits = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Thread.sleep(5);
        command("OPERATOR", "dep-3", "/api/v1/sites/" + b + "/deposits", deposit("5"), "LotDeposited@" + b);
        command("OPERATOR", "wd-1", "/api/v1/sites/" + a + "/withdrawals", """
                {"mineral":"COBALT","quantityTonnes":3,"reason":"ROTATION"}""", "StockWithdrawn@" + a);
        Thread.sleep(5);
        beforeTransfer = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Thread.sleep(5);
        command("OPERATOR", "tr-1", "/api/v1/transfers", """
                {"fromSiteId":"%s","toSiteId":"%s","mineral":"COBALT","quantityTonnes":4}""".formatted(a, b),
                "StockDispatched@" + a, "InboundTransferReserved@" + b);
    }

    @Test
    void eachFilterAloneKeepsExactlyTheEventsItNames() {
        assertThat(events("aggregateId=" + a)).containsExactly("SiteRegistered@" + a, "LotDeposited@" + a,
                "LotDeposited@" + a, "StockWithdrawn@" + a, "StockDispatched@" + a);
        assertThat(events("aggregateId=" + b)).containsExactly("SiteRegistered@" + b, "LotDeposited@" + b,
                "InboundTransferReserved@" + b);
        assertThat(events("type=LotDeposited")).containsExactly("LotDeposited@" + a, "LotDeposited@" + a,
                "LotDeposited@" + b);
        // Five operator commands: four with one event each, the transfer with two.
        assertThat(events("actor=" + OPERATOR)).hasSize(4 + 2).containsExactlyInAnyOrderElementsOf(
                appended.stream().filter(e -> !e.startsWith("SiteRegistered")).toList());
        assertThat(events("actor=" + GOVERNANCE)).containsExactly("SiteRegistered@" + a, "SiteRegistered@" + b);
        assertThat(events("correlationId=" + id("tr-1")))
                .containsExactlyInAnyOrder("StockDispatched@" + a, "InboundTransferReserved@" + b);
        assertThat(events("correlationId=" + id("dep-2"))).containsExactly("LotDeposited@" + a);
        // The transfer's two events share one command; their order between themselves is not the point.
        assertThat(events("from=" + afterFirstDeposits)).containsExactlyInAnyOrderElementsOf(appended.subList(4, 8))
                .startsWith("LotDeposited@" + b, "StockWithdrawn@" + a);
        assertThat(events("to=" + afterFirstDeposits)).containsExactlyElementsOf(appended.subList(0, 4));
    }

    @Test
    void filtersCombineWithAnd() {
        assertThat(events("aggregateId=" + a + "&type=LotDeposited"))
                .containsExactly("LotDeposited@" + a, "LotDeposited@" + a);
        assertThat(events("actor=" + OPERATOR + "&aggregateId=" + b))
                .containsExactly("LotDeposited@" + b, "InboundTransferReserved@" + b);
        assertThat(events("type=LotDeposited&from=" + afterFirstDeposits)).containsExactly("LotDeposited@" + b);
        // From inclusive, to exclusive: between the two instants lie the third deposit and the withdrawal.
        assertThat(events("from=" + afterFirstDeposits + "&to=" + beforeTransfer))
                .containsExactly("LotDeposited@" + b, "StockWithdrawn@" + a);
        assertThat(events("aggregateId=" + a + "&actor=" + GOVERNANCE + "&type=SiteRegistered"
                + "&correlationId=" + id("reg-a"))).containsExactly("SiteRegistered@" + a);
        assertThat(events("aggregateId=" + a + "&correlationId=" + id("dep-3"))).isEmpty();
        assertThat(events("from=" + beforeTransfer + "&to=" + beforeTransfer)).isEmpty();
    }

    @Test
    void aFilteredResultPagesOnAfterTheLastMatchReturned() {
        List<String> expected = List.of("SiteRegistered@" + a, "LotDeposited@" + a, "LotDeposited@" + a,
                "StockWithdrawn@" + a, "StockDispatched@" + a);
        // Five matches at two a page: 2, 2, then 1 and no next page.
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        Long after = start;
        while (after != null) {
            JsonNode page = page("aggregateId=" + a + "&limit=2&afterPosition=" + after);
            JsonNode events = page.get("events");
            sizes.add(events.size());
            events.forEach(e -> seen.add(e.get("type").asString() + "@" + e.get("aggregateId").asString()));
            if (page.get("nextAfterPosition").isNull()) {
                after = null;
            } else {
                assertThat(page.get("nextAfterPosition").asLong()).isEqualTo(events.get(events.size() - 1).get("position").asLong());
                after = page.get("nextAfterPosition").asLong();
            }
        }
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(seen).containsExactlyElementsOf(expected);

        // Two matches fill a page of two exactly: the page after it is empty and ends.
        JsonNode full = page("aggregateId=" + a + "&type=LotDeposited&limit=2&afterPosition=" + start);
        assertThat(full.get("events").size()).isEqualTo(2);
        JsonNode rest = page("aggregateId=" + a + "&type=LotDeposited&limit=2&afterPosition="
                + full.get("nextAfterPosition").asLong());
        assertThat(rest.get("events").size()).isZero();
        assertThat(rest.get("nextAfterPosition").isNull()).isTrue();
    }

    @Test
    void theEventsOfACorrelationIdCarryItInTheirMetadata() {
        JsonNode events = page("correlationId=" + id("tr-1")).get("events");
        assertThat(events.size()).isEqualTo(2);
        for (JsonNode event : events) {
            assertThat(event.get("metaData").get("correlationId").asString()).isEqualTo(id("tr-1"));
            assertThat(event.get("actor").asString()).isEqualTo(OPERATOR);
        }
    }

    @Test
    void invalidFilterValuesAreRefusedAsFieldErrors() {
        Api auditor = as("AUDITOR");
        String tooLongId = "c".repeat(65);
        for (String[] bad : List.of(
                new String[]{"type=", "type"}, new String[]{"type=%20%20", "type"}, new String[]{"actor=", "actor"},
                new String[]{"aggregateId=", "aggregateId"}, new String[]{"aggregateId=" + "x".repeat(256), "aggregateId"},
                new String[]{"correlationId=", "correlationId"},
                new String[]{"correlationId=" + tooLongId, "correlationId"},
                new String[]{"correlationId=a%20b", "correlationId"}, new String[]{"from=", "from"},
                new String[]{"from=yesterday", "from"}, new String[]{"to=2026-13-01T00:00:00Z", "to"},
                new String[]{"from=1800-01-01T00:00:00Z", "from"}, new String[]{"to=2300-01-01T00:00:00Z", "to"},
                new String[]{"from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from"})) {
            Api.Response response = auditor.get("/api/v1/audit/events?" + bad[0]);
            assertThat(response.status()).as(bad[0] + " " + response).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("errors").get(0).get("field").asString()).as(bad[0]).isEqualTo(bad[1]);
        }
    }

    @Test
    void theFiltersAreDocumentedWithTheirBounds() {
        JsonNode parameters = as(null).get("/v3/api-docs").json().get("paths").get("/api/v1/audit/events")
                .get("get").get("parameters");
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.get("name").asString()));
        assertThat(names).contains("afterPosition", "limit", "type", "aggregateId", "actor", "correlationId", "from", "to");
        for (JsonNode parameter : parameters) {
            String name = parameter.get("name").asString();
            if (name.equals("from")) {
                assertThat(parameter.get("description").asString()).contains("inclusive");
                assertThat(parameter.get("schema").get("format").asString()).isEqualTo("date-time");
            } else if (name.equals("to")) {
                assertThat(parameter.get("description").asString()).contains("exclusive");
            }
        }
    }

    /** The events after the scenario's start that the query keeps, all pages, as "Type@aggregate". */
    private List<String> events(String query) {
        List<String> events = new ArrayList<>();
        Long after = start;
        while (after != null) {
            JsonNode page = page(query + "&limit=1000&afterPosition=" + after);
            page.get("events").forEach(e -> events.add(e.get("type").asString() + "@" + e.get("aggregateId").asString()));
            after = page.get("nextAfterPosition").isNull() ? null : page.get("nextAfterPosition").asLong();
        }
        return events;
    }

    private JsonNode page(String query) {
        Api.Response response = as("AUDITOR").get("/api/v1/audit/events?" + query);
        assertThat(response.status()).as(query + " " + response).isEqualTo(200);
        return response.json();
    }

    private void command(String role, String name, String path, String body, String... events) {
        Api.Response response = as(role).withHeader("X-Correlation-Id", id(name)).post(path, body);
        assertThat(response.status()).as(name + " " + response).isEqualTo(201);
        appended.addAll(List.of(events));
    }

    /** The correlation id this run sends with one of its commands. */
    private String id(String name) {
        return "audit-filter-" + run + "-" + name;
    }

    private static String site(String siteId) {
        return """
                {"siteId":"%s","name":"Depot %s","state":"%s","capacityTonnes":1000}""".formatted(siteId, siteId,
                siteId.substring(0, 2));
    }

    private static String deposit(String tonnes) {
        return """
                {"mineral":"COBALT","form":"concentrate","quantityTonnes":%s,"unitCostUsd":30000,"supplier":"Trader CD",
                 "originCountry":"CD","fundingSource":"EXIM_LOAN"}""".formatted(tonnes);
    }
}

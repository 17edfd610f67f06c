package org.reserveledger.api.web;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;
import org.reserveledger.api.support.Reserve;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command's answer, success or refusal, echoes {@code X-Correlation-Id}: the client's own, or the one
 * the service made; the events the command appended carry that same id in their metadata.
 */
class CorrelationEchoTest extends ApiIntegrationTest {

    private static final String HEADER = "X-Correlation-Id";
    private static final String UUID_SHAPE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aSuccessEchoesTheClientsIdAndItsEventsCarryIt() {
        // Any visible ASCII is the client's to choose, punctuation included.
        String sent = "po/2026#0418?" + UUID.randomUUID().toString().substring(0, 8);
        String site = Reserve.newSiteId("NV");

        Api.Response response = as("GOVERNANCE").withHeader(HEADER, sent).post("/api/v1/sites", site(site));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header(HEADER)).isEqualTo(sent);
        List<JsonNode> events = eventsOf(sent);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().get("position").asLong()).isEqualTo(response.position());
        assertThat(events.getFirst().get("metaData").get("correlationId").asString()).isEqualTo(sent);
    }

    @Test
    void aSuccessWithoutAnIdEchoesTheOneMadeForItsEvents() {
        String from = reserve.registerSite("NV", "100");
        String to = reserve.registerSite("UT", "100");
        reserve.deposit(from, "TIN", "10", "25000", "BO");

        Api.Response transfer = reserve.transfer(from, to, "TIN", "4");

        assertThat(transfer.status()).as(transfer.toString()).isEqualTo(201);
        String made = transfer.header(HEADER);
        assertThat(made).matches(UUID_SHAPE);
        // A transfer appends two events, one at each site, both under the request's one id.
        List<JsonNode> events = eventsOf(made);
        assertThat(events).hasSize(2);
        assertThat(events).allSatisfy(e -> assertThat(e.get("metaData").get("correlationId").asString()).isEqualTo(made));
        assertThat(events).extracting(e -> e.get("aggregateId").asString()).containsExactlyInAnyOrder(from, to);
    }

    @Test
    void aDomainRefusalEchoesTheIdAndAppendsNothingUnderIt() {
        String site = reserve.registerSite("NV", "100");
        String sent = "withdraw-" + UUID.randomUUID();

        Api.Response refused = as("OPERATOR").withHeader(HEADER, sent).post("/api/v1/sites/" + site + "/withdrawals", """
                {"mineral":"COBALT","quantityTonnes":1,"reason":"ROTATION"}""");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.header(HEADER)).isEqualTo(sent);
        assertThat(eventsOf(sent)).isEmpty();
        Api.Response unnamed = as("GOVERNANCE").post("/api/v1/sites", site(site));
        assertThat(unnamed.status()).as(unnamed.toString()).isEqualTo(409);
        assertThat(unnamed.header(HEADER)).matches(UUID_SHAPE);
    }

    @Test
    void badInputEchoesTheIdOfTheRefusedRequest() {
        String sent = "bad-body-" + UUID.randomUUID();

        Api.Response refused = as("GOVERNANCE").withHeader(HEADER, sent).post("/api/v1/sites", """
                {"siteId":"x","name":"Depot","state":"NV","capacityTonnes":-1}""");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header(HEADER)).isEqualTo(sent);
        // Refused before a handler or before a token is checked, the answer still names the request.
        assertThat(as("GOVERNANCE").withHeader(HEADER, sent).post("/api/v1/sites?unknownParam=1", "{}").header(HEADER))
                .isEqualTo(sent);
        Api.Response unauthenticated = as(null).withHeader(HEADER, sent).post("/api/v1/sites", "{}");
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.header(HEADER)).isEqualTo(sent);
    }

    @Test
    void anIdThatIsNotOneToSixtyFourVisibleAsciiCharactersIsRefusedAndNothingRuns() {
        for (String invalid : List.of("", "has space", "c".repeat(65))) {
            String site = Reserve.newSiteId("NV");
            long before = eventCount();

            Api.Response refused = as("GOVERNANCE").withHeader(HEADER, invalid).post("/api/v1/sites", site(site));

            assertThat(refused.status()).as("'" + invalid + "' " + refused).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            JsonNode error = refused.json().get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo(HEADER);
            assertThat(error.get("message").asString()).isEqualTo("must be 1 to 64 visible ASCII characters");
            assertThat(refused.header(HEADER)).matches(UUID_SHAPE);
            assertThat(eventCount()).isEqualTo(before);
        }
        String longest = "c".repeat(64);
        Api.Response accepted = as("GOVERNANCE").withHeader(HEADER, longest).post("/api/v1/sites",
                site(Reserve.newSiteId("NV")));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(accepted.header(HEADER)).isEqualTo(longest);
    }

    @Test
    void readsAreNotGivenAnId() {
        assertThat(as("AUDITOR").get("/api/v1/sites").header(HEADER)).isNull();
    }

    private List<JsonNode> eventsOf(String correlationId) {
        Api.Response page = as("AUDITOR").get("/api/v1/audit/events?limit=1000&correlationId="
                + URLEncoder.encode(correlationId, StandardCharsets.UTF_8));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        page.json().get("events").forEach(events::add);
        return events;
    }

    private static String site(String siteId) {
        return """
                {"siteId":"%s","name":"Depot %s","state":"NV","capacityTonnes":10}""".formatted(siteId, siteId);
    }
}

package org.reserveledger.api.live;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LiveApiTest extends ApiIntegrationTest {

    @Test
    void theSessionNamesTheTokensRoleAndManufacturer() {
        JsonNode manufacturer = as("MANUFACTURER").get("/api/v1/session").json();
        assertThat(manufacturer.get("role").asString()).isEqualTo("MANUFACTURER");
        assertThat(manufacturer.get("manufacturerId").asString()).isEqualTo("VOLTCELL");
        JsonNode auditor = as("AUDITOR").get("/api/v1/session").json();
        assertThat(auditor.get("role").asString()).isEqualTo("AUDITOR");
        assertThat(auditor.get("manufacturerId").isNull()).isTrue();
        assertThat(new Api(port, null).get("/api/v1/session").status()).isEqualTo(401);
        assertThat(new Api(port, null).get("/api/v1/live").status()).isEqualTo(401);
    }

    @Test
    void theLiveChannelSendsTheHeadAtOnceAndAgainWhenTheStreamGrows() throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/live"))
                .header("Authorization", "Bearer " + Api.tokenOf("AUDITOR"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            long first = nextPosition(events);
            assertThat(first).isEqualTo(reserve.head());

            String site = reserve.registerSite("NV", "10");
            long appended = jdbc.sql("select max(global_index) from domain_event_entry where aggregate_identifier = :id")
                    .param("id", site).query(Long.class).single();
            long pushed = nextPosition(events);
            assertThat(pushed).isGreaterThanOrEqualTo(appended);
        }
    }

    @Test
    void aManufacturersLiveChannelCarriesPositionsAndNothingOfAnotherManufacturer() throws Exception {
        String site = reserve.registerSite("NV", "100");
        assertThat(reserve.deposit(site, "CERIUM", "50", "4000", "AU").status()).isEqualTo(201);
        assertThat(as("GOVERNANCE").post("/api/v1/manufacturers", Api.json("manufacturerId", "AEROSPACE-ONE",
                "name", "Maker AEROSPACE-ONE")).status()).isIn(201, 409);
        Api.Response made = as("GOVERNANCE").post("/api/v1/commitments", """
                {"manufacturerId":"AEROSPACE-ONE","mineral":"CERIUM","quantityTonnes":33.333,"pricePerTonneUsd":4321.99,
                 "startDate":"%s","endDate":"%s","upfrontFeeUsd":0,"storageFeePerTonneMonthUsd":1,"replenishWithinDays":30}
                """.formatted(LocalDate.now(ZoneOffset.UTC).minusDays(10),
                LocalDate.now(ZoneOffset.UTC).plusYears(1)));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String commitment = made.json().get("commitmentId").asString();

        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/live"))
                .header("Authorization", "Bearer " + Api.tokenOf("MANUFACTURER"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            long first = nextPosition(events, lines);
            Api.Response drawn = as("OTHER-MANUFACTURER").post("/api/v1/commitments/" + commitment + "/draws",
                    Api.json("siteId", site, "quantityTonnes", 3.333));
            assertThat(drawn.status()).as(drawn.toString()).isEqualTo(201);
            long last = first;
            while (last < drawn.position()) {
                last = nextPosition(events, lines);
            }
            assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line)
                    .matches("(event:position|data:\\{\"position\":\\d+}|:heartbeat|id:.*|retry:.*|)"));
            assertThat(String.join("\n", lines)).doesNotContain("AEROSPACE-ONE", commitment,
                    drawn.json().get("drawId").asString(), "3.333");
        }
    }

    private static long nextPosition(BufferedReader events) throws Exception {
        return nextPosition(events, new ArrayList<>());
    }

    /** Reads up to the next {@code position} event, keeping every line read, failing after 5 s. */
    private static long nextPosition(BufferedReader events, List<String> lines) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = events.readLine(); line != null; line = events.readLine()) {
                    lines.add(line);
                    if (line.startsWith("data:")) {
                        String data = line.substring(5).trim();
                        return Long.parseLong(data.replaceAll("\\D+", ""));
                    }
                }
                throw new IllegalStateException("the live channel ended");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(5, TimeUnit.SECONDS);
    }
}

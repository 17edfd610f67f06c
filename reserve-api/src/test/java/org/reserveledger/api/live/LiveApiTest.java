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

    /** Reads up to the next {@code position} event, failing after 5 s. */
    private static long nextPosition(BufferedReader events) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = events.readLine(); line != null; line = events.readLine()) {
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

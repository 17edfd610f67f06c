package org.reserveledger.api.security;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a manufacturer's token reads holds nothing of another manufacturer: the text of every body
 * it may read, now, as recorded at an earlier instant and on a business date, is searched for the
 * other's id, its commitment's and draw's ids and its unusual figures. Each figure is first found
 * in what an auditor reads, so the search looks for something that is there to find.
 */
class ManufacturerConfidentialityTest extends ApiIntegrationTest {

    private static final String M1 = "VOLTCELL";
    private static final String M2 = "AEROSPACE-ONE";
    /** A mineral no other test uses, so national figures are this test's own. */
    private static final String MINERAL = "RHENIUM";
    private static final String M2_TONNES = "777.123";
    private static final String M2_PRICE = "7777.77";
    private static final String M2_UPFRONT_FEE = "77123.45";
    private static final String M2_STORAGE_FEE = "7.77";
    private static final String M2_DRAW = "17.171";
    private static final String M1_TONNES = "100.5";
    private static final String M1_DRAW = "5.5";

    @Test
    void aManufacturerReadsNoOtherManufacturersDataOnAnyViewItMayRead() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String start = today.minusYears(1).toString();
        String end = today.plusYears(1).toString();
        String site = reserve.registerSite("NV", "5000");
        assertThat(reserve.deposit(site, MINERAL, "2000", "3000", "CL").status()).isEqualTo(201);
        registerManufacturer(M1);
        registerManufacturer(M2);
        String own = commitment(M1, M1_TONNES, "3100.00", "1000.00", "2.00", start, end);
        String other = commitment(M2, M2_TONNES, M2_PRICE, M2_UPFRONT_FEE, M2_STORAGE_FEE, start, end);
        Api.Response ownDraw = as("MANUFACTURER").post("/api/v1/commitments/" + own + "/draws",
                Api.json("siteId", site, "quantityTonnes", Double.valueOf(M1_DRAW)));
        assertThat(ownDraw.status()).as(ownDraw.toString()).isEqualTo(201);
        Api.Response otherDraw = as("OTHER-MANUFACTURER").post("/api/v1/commitments/" + other + "/draws",
                Api.json("siteId", site, "quantityTonnes", Double.valueOf(M2_DRAW)));
        assertThat(otherDraw.status()).as(otherDraw.toString()).isEqualTo(201);
        Instant recorded = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Api.Response declared = as("GOVERNANCE").post("/api/v1/disruptions",
                Api.json("mineral", MINERAL, "reason", "Confidentiality test: a smelter outage"));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        String disruption = declared.json().get("disruptionId").asString();
        long head = reserve.head();
        List<String> secrets = List.of(M2, other, otherDraw.json().get("drawId").asString(), M2_TONNES, M2_PRICE,
                M2_UPFRONT_FEE, M2_DRAW);

        try {
            String everything = as("AUDITOR").get("/api/v1/views/commitments?minPosition=" + head).body();
            for (String secret : secrets) {
                assertThat(everything).as("an auditor reads " + secret).contains(secret);
            }

            waitUntilAfter(recorded);
            Map<String, Set<String>> documented = documentedReads();
            List<String> reads = List.of(
                    "/api/v1/views/inventory-by-site", "/api/v1/views/inventory-by-mineral",
                    "/api/v1/views/concentration", "/api/v1/views/commitments",
                    "/api/v1/views/commitments?manufacturerId=" + M1, "/api/v1/views/commitments/" + own,
                    "/api/v1/sites", "/api/v1/sites/" + site, "/api/v1/minerals", "/api/v1/session",
                    // Reads the contract adds (v1.1), read once /v3/api-docs lists them.
                    "/api/v1/manufacturers", "/api/v1/manufacturers/" + M1, "/api/v1/commitments/" + own,
                    "/api/v1/disruptions", "/api/v1/disruptions/" + disruption, "/api/v1/reference-prices",
                    "/api/v1/reference-prices/" + MINERAL, "/api/v1/sites/" + site + "/lots", "/api/v1/transfers",
                    "/api/v1/periods");
            Api manufacturer = as("MANUFACTURER");
            int read = 0;
            for (String endpoint : reads) {
                String template = template(endpoint);
                Set<String> parameters = documented.get(template);
                if (parameters == null) {
                    System.out.println("[ManufacturerConfidentialityTest] not read, not in /v3/api-docs yet: GET " + template);
                    continue;
                }
                for (String query : queries(parameters, head, recorded, today)) {
                    String path = query.isEmpty() ? endpoint : endpoint + (endpoint.contains("?") ? "&" : "?") + query;
                    Api.Response response = manufacturer.get(path);
                    assertThat(response.status()).as(path + ": " + response).isEqualTo(200);
                    for (String secret : secrets) {
                        assertThat(response.body()).as(path + " holds nothing of " + M2 + " (" + secret + ")")
                                .doesNotContain(secret);
                    }
                    read++;
                }
            }
            // Six views with minPosition and asOf, two site reads with minPosition, minerals and the session.
            assertThat(read).as("reads made").isGreaterThanOrEqualTo(6 * 3 + 2 * 2 + 2);

            JsonNode mine = manufacturer.get("/api/v1/views/commitments?minPosition=" + head).json().get("commitments");
            assertThat(mine.valueStream().map(c -> c.get("manufacturerId").asString()).collect(Collectors.toSet()))
                    .containsExactly(M1);
            assertThat(mine.valueStream().map(c -> c.get("commitmentId").asString())).contains(own);
        } finally {
            as("GOVERNANCE").post("/api/v1/disruptions/" + disruption + "/end", null);
        }
    }

    @Test
    void aManufacturerIsRefusedFinancingAuditAndAdminWithAProblem() {
        Api manufacturer = as("MANUFACTURER");
        for (String path : List.of("/api/v1/views/financing", "/api/v1/views/financing?valueDate=2026-01-31",
                "/api/v1/views/financing/history?valueDates=2026-01-31", "/api/v1/financing/facilities",
                "/api/v1/audit/events", "/api/v1/admin/projections")) {
            Api.Response response = manufacturer.get(path);
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(response.json().get("status").asInt()).isEqualTo(403);
            assertThat(response.body()).as(path).doesNotContain("\"facilities\"", "\"privateCapital\"");
        }
        assertThat(manufacturer.get("/api/v1/views/commitments?manufacturerId=" + M2).status()).isEqualTo(403);
    }

    /** Each GET of /v3/api-docs, its path's parameters reduced to {}, with the query parameters it declares. */
    private Map<String, Set<String>> documentedReads() {
        Map<String, Set<String>> reads = new HashMap<>();
        for (Map.Entry<String, JsonNode> path : as(null).get("/v3/api-docs").json().get("paths").properties()) {
            JsonNode get = path.getValue().get("get");
            if (get != null) {
                Set<String> parameters = new HashSet<>();
                if (get.has("parameters")) {
                    get.get("parameters").valueStream().filter(p -> p.get("in").asString().equals("query"))
                            .forEach(p -> parameters.add(p.get("name").asString()));
                }
                reads.put(path.getKey().replaceAll("\\{[^}]+}", "{}"), parameters);
            }
        }
        return reads;
    }

    /** Plainly, then now, as recorded earlier, on a business date and on both axes, as far as the GET accepts them. */
    private static List<String> queries(Set<String> parameters, long head, Instant recorded, LocalDate today) {
        List<String> queries = new ArrayList<>(List.of(""));
        if (parameters.contains("minPosition")) {
            queries.add("minPosition=" + head);
        }
        if (parameters.contains("asOf")) {
            queries.add("asOf=" + recorded);
        }
        if (parameters.contains("valueDate")) {
            queries.add("valueDate=" + today);
            if (parameters.contains("asOf")) {
                queries.add("valueDate=" + today + "&asOf=" + recorded);
            }
        }
        return queries;
    }

    private static String template(String endpoint) {
        String path = endpoint.contains("?") ? endpoint.substring(0, endpoint.indexOf('?')) : endpoint;
        String[] segments = path.split("/");
        // /api/v1/<collection>/<id>[/<sub-collection>] and /api/v1/views/<view>/<id>: the id is a parameter.
        int id = path.startsWith("/api/v1/views/") ? 5 : 4;
        if (segments.length > id) {
            segments[id] = "{}";
        }
        return String.join("/", segments);
    }

    private static void waitUntilAfter(Instant instant) {
        while (!Instant.now().isAfter(instant)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void registerManufacturer(String id) {
        Api.Response response = as("GOVERNANCE").post("/api/v1/manufacturers", Api.json("manufacturerId", id,
                "name", "Maker " + id));
        assertThat(response.status()).as(response.toString()).isIn(201, 409);
    }

    private String commitment(String manufacturer, String tonnes, String price, String upfront, String storage,
                              String start, String end) {
        Api.Response response = as("GOVERNANCE").post("/api/v1/commitments", """
                {"manufacturerId":"%s","mineral":"%s","quantityTonnes":%s,"pricePerTonneUsd":%s,
                 "startDate":"%s","endDate":"%s","upfrontFeeUsd":%s,"storageFeePerTonneMonthUsd":%s,
                 "replenishWithinDays":30}
                """.formatted(manufacturer, MINERAL, tonnes, price, start, end, upfront, storage));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("commitmentId").asString();
    }
}

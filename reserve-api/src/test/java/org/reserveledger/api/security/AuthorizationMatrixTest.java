package org.reserveledger.api.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint against every role, as the contract's roles table and "Who sees what, sharpened"
 * say. One line per endpoint: its method, path (placeholders in braces), an optional body, and one
 * expectation per caller in the order of {@link #CALLERS}:
 * {@code A} allowed (anything but 401 and 403; a minimal body may well be refused with 400, 404 or 409),
 * {@code S} answered 2xx, {@code F} 403, {@code N} 404 (another manufacturer's resource, as if it did
 * not exist), {@code U} 401.
 * Commands are sent with bodies that cannot succeed, so the matrix appends nothing.
 */
class AuthorizationMatrixTest extends ApiIntegrationTest {

    /** The callers, in the order of each line's expectations; M1 and M2 are manufacturers' tokens. */
    static final List<String> CALLERS = List.of("GOVERNANCE", "OPERATOR", "TREASURY", "M1", "M2", "AUDITOR", "ADMIN",
            "none");
    static final String M1 = "VOLTCELL";
    static final String M2 = "AEROSPACE-ONE";

    private static final String DRAW = "{\"siteId\":\"{emptySite}\",\"quantityTonnes\":1}";
    private static final String REPLENISH = "{\"siteId\":\"{site}\",\"quantityTonnes\":1,\"unitCostUsd\":1,"
            + "\"supplier\":\"Matrix\",\"originCountry\":\"US\"}";
    private static final String TRANSFER_ENTITLEMENT = "{\"toManufacturerId\":\"" + M1 + "\",\"quantityTonnes\":999999}";

    static List<Line> matrix() {
        return List.of(
                //        method path                                                        body          G O T M1M2AuAd none
                line("GET  /api/v1/minerals",                                                          "SSS SS SS U"),
                line("GET  /api/v1/session",                                                           "SSS SS SS U"),
                line("GET  /api/v1/live",                                                              "SSS SS SS U"),
                line("GET  /api/v1/sites",                                                             "SSS SS SS U"),
                line("GET  /api/v1/sites/{site}",                                                      "SSS SS SS U"),
                line("GET  /api/v1/views/inventory-by-site",                                           "SSS SS SS U"),
                line("GET  /api/v1/views/inventory-by-site?asOf={asOf}",                               "SSS SS SS U"),
                line("GET  /api/v1/views/inventory-by-mineral",                                        "SSS SS SS U"),
                line("GET  /api/v1/views/concentration",                                               "SSS SS SS U"),
                line("GET  /api/v1/views/commitments",                                                 "SSS SS SS U"),
                line("GET  /api/v1/views/commitments?asOf={asOf}",                                     "SSS SS SS U"),
                line("GET  /api/v1/views/commitments?manufacturerId=" + M1,                            "SSS SF SS U"),
                line("GET  /api/v1/views/commitments?manufacturerId=" + M2,                            "SSS FS SS U"),
                line("GET  /api/v1/views/commitments/{m1Commitment}",                                  "SSS SN SS U"),
                line("GET  /api/v1/views/commitments/{m2Commitment}",                                  "SSS NS SS U"),
                line("GET  /api/v1/views/financing",                                                   "SSS FF SS U"),
                line("GET  /api/v1/views/financing?valueDate={today}",                                 "SSS FF SS U"),
                line("GET  /api/v1/views/financing?asOf={asOf}",                                       "SSS FF SS U"),
                line("GET  /api/v1/views/financing/history?valueDates={today}",                        "SSS FF SS U"),
                line("HEAD /api/v1/views/financing",                                                   "AAA FF AA U"),
                line("GET  /api/v1/audit/events",                                                      "FFF FF SF U"),
                line("GET  /api/v1/audit/head",                                                        "FFF FF SF U"),
                line("GET  /api/v1/audit/verify",                                                      "FFF FF SF U"),
                line("GET  /api/v1/audit/export",                                                      "FFF FF SF U"),
                line("GET  /api/v1/admin/projections",                                                 "FFF FF FS U"),
                line("GET  /api/v1/admin/projections/inventory",                                       "FFF FF FS U"),
                line("GET  /api/v1/admin/checkpoints",                                                 "FFF FF FS U"),
                line("GET  /actuator/health",                                                          "SSS SS SS S"),
                line("GET  /actuator/metrics",                                                         "FFF FF FS U"),
                line("GET  /v3/api-docs",                                                              "SSS SS SS S"),

                // The contract's further GETs (v1.1).
                line(   "GET  /api/v1/periods",                                                        "SSS SS SS U"),
                line(   "GET  /api/v1/reference-prices",                                               "SSS SS SS U"),
                line(   "GET  /api/v1/reference-prices/{mineral}",                                     "SSS SS SS U"),

                line("POST /api/v1/sites",                                               "{}",         "AFF FF FF U"),
                line("PUT  /api/v1/reference-prices/LITHIUM",                            "{}",         "AFF FF FF U"),
                line("POST /api/v1/disruptions",                                         "{}",         "AFF FF FF U"),
                line("POST /api/v1/disruptions/{unknownId}/end",                         null,         "AFF FF FF U"),
                line("POST /api/v1/manufacturers",                                       "{}",         "AFF FF FF U"),
                line("POST /api/v1/commitments",                                         "{}",         "AFF FF FF U"),
                line("POST /api/v1/periods/close",                                       "{}",         "AFF FF FF U"),
                line("PUT  /api/v1/minerals/LITHIUM/demand",                             "{}",         "AFF FF FF U"),
                line("POST /api/v1/traders",                                             "{}",         "AFF FF FF U"),
                line("PUT  /api/v1/plans/2026/LITHIUM",                                  "{}",         "AFF FF FF U"),
                line("POST /api/v1/sites/{site}/deposits",                               "{}",         "FAF FF FF U"),
                line("POST /api/v1/sites/{site}/withdrawals",                            "{}",         "FAF FF FF U"),
                line("POST /api/v1/sites/{site}/deposits/{deposit}/reversal",            "{}",         "FAF FF FF U"),
                line("POST /api/v1/sites/{site}/withdrawals/{withdrawal}/reversal",      "{}",         "FAF FF FF U"),
                line("POST /api/v1/sites/{site}/counts",                                 "{}",         "FAF FF FF U"),
                line("POST /api/v1/transfers",                                           "{}",         "FAF FF FF U"),
                line("POST /api/v1/transfers/{unknownId}/receipt",                       null,         "FAF FF FF U"),
                line("POST /api/v1/commitments/{m1Commitment}/settlement",               "{}",         "FAF FF FF U"),
                line("POST /api/v1/commitments/{m1Commitment}/draws",                    DRAW,         "FAF AF FF U"),
                line("POST /api/v1/commitments/{m2Commitment}/draws",                    DRAW,         "FAF FA FF U"),
                line("POST /api/v1/commitments/{m1Commitment}/replenishments",           REPLENISH,    "FAF AF FF U"),
                line("POST /api/v1/commitments/{m2Commitment}/replenishments",           REPLENISH,    "FAF FA FF U"),
                line("POST /api/v1/financing/facilities",                                "{}",         "FFA FF FF U"),
                line("POST /api/v1/financing/facilities/{unknownCode}/drawdowns",        "{}",         "FFA FF FF U"),
                line("POST /api/v1/financing/facilities/{unknownCode}/repayments",       "{}",         "FFA FF FF U"),
                line("POST /api/v1/financing/investors",                                 "{}",         "FFA FF FF U"),
                line("POST /api/v1/financing/capital-calls",                             "{}",         "FFA FF FF U"),
                line("POST /api/v1/financing/investors/{unknownCode}/contributions",     "{}",         "FFA FF FF U"),
                line("POST /api/v1/scenarios",                                           "{}",         "AFA FF AF U"),
                line("POST /api/v1/admin/projections/no-such-projection/rebuild",        null,         "FFF FF FA U"),
                line("POST /api/v1/admin/projections/no-such-projection/dead-letters/retry", null,     "FFF FF FA U"),
                line("POST /api/v1/admin/storage-fees/run?through=not-a-date",           null,         "FFF FF FA U"),
                line("POST /api/v1/admin/checkpoints",                                   null,         "FFF FF FA U"),
                line("DELETE /api/v1/admin/projections/no-such-projection/dead-letters/x", null,       "FFF FF FA U"),
                // A command no line of the roles table names is nobody's.
                line("POST /api/v1/views/financing",                                     "{}",         "FFF FF FF U"),
                line("DELETE /api/v1/sites/{site}",                                      null,         "FFF FF FF U"));
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");
    private static Map<String, String> values;
    private static Set<String> documented;

    @BeforeEach
    void scenario() {
        if (values == null) {
            values = build();
            documented = documentedOperations(as(null).get("/v3/api-docs").json());
        }
    }

    @Test
    void everyDocumentedOperationHasALineInTheMatrix() {
        List<String> lines = matrix().stream().map(line -> line.method() + " " + template(line.path())).toList();
        assertThat(documented.stream().filter(operation -> operation.contains(" /api/v1/"))
                .filter(operation -> lines.stream().noneMatch(covers(operation))).sorted().toList())
                .as("operations the service documents that the matrix has no line for")
                .isEmpty();
    }

    /** Whether a line (its placeholders as {}) stands for a documented operation, literal segments matching its parameters. */
    private static java.util.function.Predicate<String> covers(String operation) {
        Pattern pattern = Pattern.compile(Pattern.quote(operation).replace("{}", "\\E[^/]+\\Q"));
        return line -> pattern.matcher(line).matches();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void eachCallerGetsWhatTheRolesTableSays(Line line) {
        long before = eventCount();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < CALLERS.size(); i++) {
            String caller = CALLERS.get(i);
            char expected = line.expected().charAt(i);
            int status = status(line.method(), fill(line.path()), token(caller), line.body() == null ? null : fill(line.body()));
            if (!meets(expected, status)) {
                wrong.add(caller + " expected " + describe(expected) + " but got " + status);
            }
        }
        assertThat(wrong).as(line.method() + " " + line.path()).isEmpty();
        assertThat(eventCount()).as("the matrix appends nothing").isEqualTo(before);
    }

    private static boolean meets(char expected, int status) {
        return switch (expected) {
            case 'A' -> status != 401 && status != 403 && status < 500;
            case 'S' -> status >= 200 && status < 300;
            case 'F' -> status == 403;
            case 'N' -> status == 404;
            case 'U' -> status == 401;
            default -> throw new IllegalArgumentException("unknown expectation " + expected);
        };
    }

    private static String describe(char expected) {
        return switch (expected) {
            case 'A' -> "neither 401 nor 403";
            case 'S' -> "2xx";
            case 'F' -> "403";
            case 'N' -> "404";
            case 'U' -> "401";
            default -> String.valueOf(expected);
        };
    }

    private static String token(String caller) {
        return switch (caller) {
            case "none" -> null;
            case "M1" -> Api.tokenOf("MANUFACTURER");
            case "M2" -> Api.tokenOf("OTHER-MANUFACTURER");
            default -> Api.tokenOf(caller);
        };
    }

    /** The status only: the body is not read, so the live channel's endless stream does not hold the test. */
    private int status(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The scenario the lines' placeholders name: two manufacturers' commitments, a site with movements. */
    private Map<String, String> build() {
        String start = LocalDate.now(ZoneOffset.UTC).minusYears(1).toString();
        String end = LocalDate.now(ZoneOffset.UTC).plusYears(1).toString();
        Map<String, String> v = new LinkedHashMap<>();
        String site = reserve.registerSite("NV", "1000");
        String emptySite = reserve.registerSite("NV", "1000");
        Api.Response deposited = reserve.deposit(site, "BISMUTH", "100", "1000", "CA");
        assertThat(deposited.status()).as(deposited.toString()).isEqualTo(201);
        Api.Response withdrawn = reserve.withdraw(site, "BISMUTH", "1");
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(201);
        Api.Response transferred = reserve.transfer(site, emptySite, "BISMUTH", "1");
        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(201);
        v.put("site", site);
        v.put("emptySite", emptySite);
        v.put("deposit", deposited.json().get("depositId").asString());
        v.put("withdrawal", withdrawn.json().get("withdrawalId").asString());
        v.put("transfer", transferred.json().get("transferId").asString());
        v.put("m1Commitment", commitment(M1, "BISMUTH", start, end));
        v.put("m2Commitment", commitment(M2, "BISMUTH", start, end));
        v.put("mineral", "BISMUTH");
        v.put("M1", M1);
        v.put("M2", M2);
        v.put("fiscalYear", "2026");
        v.put("unknownId", UUID.randomUUID().toString());
        v.put("unknownCode", "NO-SUCH-CODE");
        v.put("today", LocalDate.now(ZoneOffset.UTC).toString());
        v.put("asOf", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        // Every projection has applied the scenario before a line reads what it made (a site, a commitment).
        long head = reserve.head();
        for (String view : List.of("inventory-by-site", "commitments", "financing")) {
            assertThat(as("AUDITOR").get("/api/v1/views/" + view + "?minPosition=" + head).status()).as(view).isEqualTo(200);
        }
        return v;
    }

    private String commitment(String manufacturer, String mineral, String start, String end) {
        Api.Response registered = as("GOVERNANCE").post("/api/v1/manufacturers",
                Api.json("manufacturerId", manufacturer, "name", "Maker " + manufacturer));
        assertThat(registered.status()).as(registered.toString()).isIn(201, 409);
        Api.Response made = as("GOVERNANCE").post("/api/v1/commitments", """
                {"manufacturerId":"%s","mineral":"%s","quantityTonnes":10,"pricePerTonneUsd":1000,
                 "startDate":"%s","endDate":"%s","upfrontFeeUsd":0,"storageFeePerTonneMonthUsd":1,
                 "replenishWithinDays":30}
                """.formatted(manufacturer, mineral, start, end));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return made.json().get("commitmentId").asString();
    }

    private static String fill(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for placeholder " + matcher.group() + " in " + text);
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(filled).toString();
    }

    /** A path as /v3/api-docs would list it, with every parameter reduced to {}. */
    private static String template(String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return bare.replaceAll("\\{[^}]+}", "{}");
    }

    private static Set<String> documentedOperations(JsonNode docs) {
        return docs.get("paths").properties().stream()
                .flatMap(path -> path.getValue().propertyNames().stream()
                        .map(method -> method.toUpperCase() + " " + path.getKey().replaceAll("\\{[^}]+}", "{}")))
                .collect(Collectors.toSet());
    }

    static Line line(String endpoint, String expected) {
        return line(endpoint, null, expected);
    }

    static Line line(String endpoint, String body, String expected) {
        return Line.of(endpoint, body, expected);
    }

    record Line(String method, String path, String body, String expected) {

        static Line of(String endpoint, String body, String expected) {
            String[] parts = endpoint.trim().split("\\s+", 2);
            String compact = expected.replace(" ", "");
            if (compact.length() != CALLERS.size()) {
                throw new IllegalArgumentException(endpoint + ": " + CALLERS.size() + " expectations needed, not " + compact);
            }
            return new Line(parts[0], parts[1], body, compact);
        }

        @Override
        public String toString() {
            return method + " " + path + " → " + expected;
        }
    }
}

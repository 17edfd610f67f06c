package org.reserveledger.api.web;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;
import org.reserveledger.api.support.Reserve;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed and hostile requests to the command endpoints, each sent with a token whose role may
 * call the endpoint and, where a site or transfer is named, naming one that exists: the only thing
 * wrong with each request is its malformation. Every one must be refused with a 4xx RFC 9457
 * problem (field errors where a field is to blame) and must append nothing to the event stream.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest extends ApiIntegrationTest {

    private static final String GOVERNANCE = "GOVERNANCE";
    private static final String OPERATOR = "OPERATOR";
    private static final String JSON = "application/json";

    /** Placeholders in paths and bodies, replaced by the ids made in {@link #stockASite()}. */
    private static final String SITE = "$SITE";
    private static final String OTHER_SITE = "$OTHER_SITE";
    private static final String TRANSFER = "$TRANSFER";

    private static final String SQL = "x'; DROP TABLE domain_event_entry; --";
    private static final String HTML = "<script>alert(1)</script>";
    private static final String HUNDRED_KB = "A".repeat(100 * 1024);
    private static final String SQL_IN_PATH = "X%27%3B%20DROP%20TABLE%20domain_event_entry%3B%20--";
    private static final String SQL_IN_PATH_WITHOUT_SEMICOLON = "X%27%20OR%20%271%27%3D%271";

    private String site;
    private String otherSite;
    private String transferId;

    @BeforeAll
    void stockASite() {
        Reserve setup = new Reserve(new Api(port, null), jdbc);
        site = setup.registerSite("NV", "1000");
        otherSite = setup.registerSite("AZ", "1000");
        Api.Response deposit = setup.deposit(site, "LITHIUM", "10", "12000", "CL");
        assertThat(deposit.status()).as(deposit.toString()).isEqualTo(201);
        // A transfer still in transit, so that a receipt whose only fault is its header is otherwise acceptable.
        Api.Response transfer = setup.transfer(site, otherSite, "LITHIUM", "1");
        assertThat(transfer.status()).as(transfer.toString()).isEqualTo(201);
        transferId = transfer.json().get("transferId").asString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedAsAProblemAndAppendsNothing(Case bad) {
        Api api = as(bad.role());
        for (Map.Entry<String, String> header : bad.headers().entrySet()) {
            api = api.withHeader(header.getKey(), header.getValue());
        }
        long before = eventCount();

        Api.Response response = api.send(bad.method(), resolve(bad.path()), bad.contentType(), resolve(bad.body()));

        long after = eventCount();
        String shown = response.status() + " " + response.header("Content-Type") + " "
                + abbreviate(response.body());
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(response.status()).as("status of %s", shown).isEqualTo(bad.status());
        softly.assertThat(after).as("events appended by %s", shown).isEqualTo(before);
        softly.assertThat(response.header("Content-Type")).as("Content-Type of %s", shown)
                .startsWith("application/problem+json");
        JsonNode problem = parse(response);
        softly.assertThat(problem).as("a JSON object body in %s", shown).isNotNull();
        if (problem != null && problem.isObject()) {
            for (String member : new String[] {"type", "title", "detail"}) {
                softly.assertThat(problem.path(member).isString() && !problem.path(member).asString().isBlank())
                        .as("non-blank '%s' in %s", member, shown).isTrue();
            }
            softly.assertThat(problem.path("status").isNumber() ? problem.path("status").asInt() : null)
                    .as("'status' member of %s", shown).isEqualTo(response.status());
            JsonNode errors = problem.get("errors");
            if (bad.field() != null) {
                softly.assertThat(errors != null && errors.isArray() && !errors.isEmpty())
                        .as("non-empty 'errors' array in %s", shown).isTrue();
            }
            if (errors != null && errors.isArray()) {
                boolean named = false;
                for (JsonNode error : errors) {
                    softly.assertThat(error.path("field").isString() && !error.path("field").asString().isEmpty())
                            .as("'field' of every error in %s", shown).isTrue();
                    softly.assertThat(error.path("message").isString() && !error.path("message").asString().isEmpty())
                            .as("'message' of every error in %s", shown).isTrue();
                    named |= error.path("field").isString() && error.path("field").asString().equals(bad.field());
                }
                if (bad.field() != null) {
                    softly.assertThat(named).as("an error naming field '%s' in %s", bad.field(), shown).isTrue();
                }
            }
            // Whatever was sent, internals do not leak back to the client.
            softly.assertThat(response.body()).as("no internals in %s", shown)
                    .doesNotContain("tools.jackson", "java.lang.", "org.springframework.", "org.reserveledger.");
        }
        softly.assertAll();
    }

    Stream<Arguments> badRequests() {
        String deposits = "/api/v1/sites/" + SITE + "/deposits";
        String withdrawals = "/api/v1/sites/" + SITE + "/withdrawals";
        String transfers = "/api/v1/transfers";
        String price = "/api/v1/reference-prices/LITHIUM";
        return Stream.of(
                // --- POST /api/v1/sites (GOVERNANCE) ---
                post("site: negative capacity", GOVERNANCE, "/api/v1/sites", site("capacityTonnes", "-5"))
                        .field("capacityTonnes"),
                post("site: capacity 1e20", GOVERNANCE, "/api/v1/sites", site("capacityTonnes", "1e20"))
                        .field("capacityTonnes"),
                post("site: capacity with four decimals 1.2345", GOVERNANCE, "/api/v1/sites",
                        site("capacityTonnes", "1.2345")).field("capacityTonnes"),
                post("site: capacity sent as a string \"5\"", GOVERNANCE, "/api/v1/sites",
                        site("capacityTonnes", "\"5\"")).field("capacityTonnes"),
                post("site: capacity true (boolean for a number)", GOVERNANCE, "/api/v1/sites",
                        site("capacityTonnes", "true")).field("capacityTonnes"),
                post("site: capacity with an absurd exponent 1e99999999999", GOVERNANCE, "/api/v1/sites",
                        site("capacityTonnes", "1e99999999999")),
                post("site: name sent as the number 5", GOVERNANCE, "/api/v1/sites", site("name", "5"))
                        .field("name"),
                post("site: name of 100 KB", GOVERNANCE, "/api/v1/sites", site("name", quoted(HUNDRED_KB)))
                        .field("name"),
                post("site: SQL in name", GOVERNANCE, "/api/v1/sites", site("name", quoted(SQL))).field("name"),
                post("site: HTML in name", GOVERNANCE, "/api/v1/sites", site("name", quoted(HTML))).field("name"),
                post("site: SQL in siteId", GOVERNANCE, "/api/v1/sites", site("siteId", quoted(SQL)))
                        .field("siteId"),
                post("site: lower-case siteId", GOVERNANCE, "/api/v1/sites", site("siteId", "\"nv-depot-1\""))
                        .field("siteId"),
                post("site: unknown state XX", GOVERNANCE, "/api/v1/sites", site("state", "\"XX\"")).field("state"),
                post("site: missing capacityTonnes", GOVERNANCE, "/api/v1/sites", site("capacityTonnes", null))
                        .field("capacityTonnes"),
                post("site: unknown extra field status", GOVERNANCE, "/api/v1/sites",
                        site("status", "\"DECOMMISSIONED\"")).field("status"),
                post("site: duplicate key siteId", GOVERNANCE, "/api/v1/sites",
                        "{\"siteId\":\"NV-DUP-A\",\"siteId\":\"NV-DUP-B\",\"name\":\"Depot\",\"state\":\"NV\","
                                + "\"capacityTonnes\":5}"),
                // Spring refuses a media type no converter reads with HttpMediaTypeNotSupportedException: 415.
                post("site: Content-Type text/plain", GOVERNANCE, "/api/v1/sites", site())
                        .contentType("text/plain").status(415),

                // --- PUT /api/v1/reference-prices/{mineral} (GOVERNANCE) ---
                put("price: three decimals of money 1.234", GOVERNANCE, price, price("pricePerTonneUsd", "1.234"))
                        .field("pricePerTonneUsd"),
                put("price: negative price", GOVERNANCE, price, price("pricePerTonneUsd", "-1"))
                        .field("pricePerTonneUsd"),
                put("price: 1e20", GOVERNANCE, price, price("pricePerTonneUsd", "1e20")).field("pricePerTonneUsd"),
                put("price: price sent as an object", GOVERNANCE, price, price("pricePerTonneUsd", "{\"usd\":1}"))
                        .field("pricePerTonneUsd"),
                put("price: unknown mineral in path", GOVERNANCE, "/api/v1/reference-prices/UNOBTAINIUM", price())
                        .field("mineral"),
                put("price: lower-case mineral in path", GOVERNANCE, "/api/v1/reference-prices/lithium", price())
                        .field("mineral"),
                put("price: impossible date 2026-02-30", GOVERNANCE, price, price("effectiveFrom", "\"2026-02-30\""))
                        .field("effectiveFrom"),
                // RUTHENIUM, a mineral no other test prices, in case this wrongly succeeds.
                put("price: effectiveFrom a JSON number (epoch day), not YYYY-MM-DD", GOVERNANCE,
                        "/api/v1/reference-prices/RUTHENIUM", price("effectiveFrom", "20000")).field("effectiveFrom"),
                put("price: missing effectiveFrom", GOVERNANCE, price, price("effectiveFrom", null))
                        .field("effectiveFrom"),
                put("price: Content-Type application/xml", GOVERNANCE, price,
                        "<price><pricePerTonneUsd>1</pricePerTonneUsd></price>")
                        .contentType("application/xml").status(415),
                put("price: JSON null body", GOVERNANCE, price, "null"),

                // --- POST /api/v1/sites/{siteId}/deposits (OPERATOR) ---
                post("deposit: negative quantity", OPERATOR, deposits, deposit("quantityTonnes", "-1"))
                        .field("quantityTonnes"),
                post("deposit: four decimals of tonnes 1.2345", OPERATOR, deposits,
                        deposit("quantityTonnes", "1.2345")).field("quantityTonnes"),
                post("deposit: quantity sent as a string \"5\"", OPERATOR, deposits,
                        deposit("quantityTonnes", "\"5\"")).field("quantityTonnes"),
                post("deposit: quantity sent as an array", OPERATOR, deposits, deposit("quantityTonnes", "[1]"))
                        .field("quantityTonnes"),
                post("deposit: quantity null", OPERATOR, deposits, deposit("quantityTonnes", "null"))
                        .field("quantityTonnes"),
                post("deposit: three decimals of money 1.234", OPERATOR, deposits, deposit("unitCostUsd", "1.234"))
                        .field("unitCostUsd"),
                post("deposit: unit cost 1e20", OPERATOR, deposits, deposit("unitCostUsd", "1e20"))
                        .field("unitCostUsd"),
                post("deposit: supplier sent as the number 5", OPERATOR, deposits, deposit("supplier", "5"))
                        .field("supplier"),
                post("deposit: unknown mineral", OPERATOR, deposits, deposit("mineral", "\"UNOBTAINIUM\""))
                        .field("mineral"),
                post("deposit: lower-case mineral", OPERATOR, deposits, deposit("mineral", "\"lithium\""))
                        .field("mineral"),
                post("deposit: country XX", OPERATOR, deposits, deposit("originCountry", "\"XX\""))
                        .field("originCountry"),
                post("deposit: country usa", OPERATOR, deposits, deposit("originCountry", "\"usa\""))
                        .field("originCountry"),
                post("deposit: missing supplier", OPERATOR, deposits, deposit("supplier", null)).field("supplier"),
                post("deposit: SQL in supplier", OPERATOR, deposits, deposit("supplier", quoted(SQL)))
                        .field("supplier"),
                post("deposit: HTML in form", OPERATOR, deposits, deposit("form", quoted(HTML))).field("form"),
                post("deposit: supplier of 100 KB", OPERATOR, deposits, deposit("supplier", quoted(HUNDRED_KB)))
                        .field("supplier"),
                post("deposit: fundingSource GRANT", OPERATOR, deposits, deposit("fundingSource", "\"GRANT\""))
                        .field("fundingSource"),
                post("deposit: fundingSource as enum ordinal 0", OPERATOR, deposits, deposit("fundingSource", "0"))
                        .field("fundingSource"),
                post("deposit: receivedAt not an instant (yesterday)", OPERATOR, deposits,
                        deposit("receivedAt", "\"yesterday\"")).field("receivedAt"),
                post("deposit: receivedAt a date, not an instant", OPERATOR, deposits,
                        deposit("receivedAt", "\"2026-10-01\"")).field("receivedAt"),
                post("deposit: receivedAt a JSON number (epoch seconds), not ISO-8601", OPERATOR, deposits,
                        deposit("receivedAt", "1767225600")).field("receivedAt"),
                post("deposit: receivedAt in the far future", OPERATOR, deposits,
                        deposit("receivedAt", "\"2999-01-01T00:00:00Z\"")).field("receivedAt"),
                post("deposit: unknown extra field lotId", OPERATOR, deposits,
                        deposit("lotId", "\"00000000-0000-0000-0000-000000000001\"")).field("lotId"),
                post("deposit: lower-case site id in path", OPERATOR, "/api/v1/sites/nv-lower/deposits", deposit())
                        .field("siteId"),
                // The firewall refuses encoded semicolons before routing, so no field can be named.
                post("deposit: SQL with semicolons as site id in path", OPERATOR,
                        "/api/v1/sites/" + SQL_IN_PATH + "/deposits", deposit()),
                post("deposit: SQL without semicolons as site id in path", OPERATOR,
                        "/api/v1/sites/" + SQL_IN_PATH_WITHOUT_SEMICOLON + "/deposits", deposit()).field("siteId"),
                post("deposit: empty body", OPERATOR, deposits, ""),
                post("deposit: body is not JSON", OPERATOR, deposits, "mineral=LITHIUM&quantityTonnes=1"),
                post("deposit: truncated JSON", OPERATOR, deposits, "{\"mineral\":\"LITHIUM\",\"quantityTonnes\":"),
                post("deposit: a JSON array, not an object", OPERATOR, deposits, "[" + deposit() + "]"),
                post("deposit: duplicate key mineral", OPERATOR, deposits,
                        deposit().replace("{", "{\"mineral\":\"COBALT\",")),
                post("deposit: trailing garbage after the JSON", OPERATOR, deposits, deposit() + " garbage"),
                post("deposit: a second JSON object after the first", OPERATOR, deposits,
                        deposit() + deposit("quantityTonnes", "999")),
                post("deposit: Content-Type application/xml", OPERATOR, deposits, deposit())
                        .contentType("application/xml").status(415),
                post("deposit: Idempotency-Key of 65 characters", OPERATOR, deposits, deposit())
                        .header("Idempotency-Key", "k".repeat(65)).field("Idempotency-Key"),
                post("deposit: Idempotency-Key with a space", OPERATOR, deposits, deposit())
                        .header("Idempotency-Key", "key with-space").field("Idempotency-Key"),

                // --- POST /api/v1/sites/{siteId}/withdrawals (OPERATOR) ---
                post("withdrawal: zero quantity", OPERATOR, withdrawals, withdrawal("quantityTonnes", "0"))
                        .field("quantityTonnes"),
                post("withdrawal: quantity sent as an object", OPERATOR, withdrawals,
                        withdrawal("quantityTonnes", "{\"value\":1}")).field("quantityTonnes"),
                post("withdrawal: reason THEFT", OPERATOR, withdrawals, withdrawal("reason", "\"THEFT\""))
                        .field("reason"),
                post("withdrawal: lower-case reason", OPERATOR, withdrawals, withdrawal("reason", "\"rotation\""))
                        .field("reason"),
                post("withdrawal: HTML in reference", OPERATOR, withdrawals, withdrawal("reference", quoted(HTML)))
                        .field("reference"),
                post("withdrawal: named lot id not a UUID", OPERATOR, withdrawals,
                        withdrawal("lots", "[{\"lotId\":\"not-a-uuid\",\"quantityTonnes\":1}]"))
                        .field("lots[0].lotId"),
                post("withdrawal: site id in path of 33 characters", OPERATOR,
                        "/api/v1/sites/" + "A".repeat(33) + "/withdrawals", withdrawal()).field("siteId"),

                // --- POST /api/v1/transfers (OPERATOR) ---
                post("transfer: four decimals of tonnes 1.2345", OPERATOR, transfers,
                        transfer("quantityTonnes", "1.2345")).field("quantityTonnes"),
                post("transfer: quantity 1e20", OPERATOR, transfers, transfer("quantityTonnes", "1e20"))
                        .field("quantityTonnes"),
                post("transfer: quantity false (boolean for a number)", OPERATOR, transfers,
                        transfer("quantityTonnes", "false")).field("quantityTonnes"),
                post("transfer: lower-case fromSiteId", OPERATOR, transfers, transfer("fromSiteId", "\"nv-lower\""))
                        .field("fromSiteId"),
                post("transfer: SQL in toSiteId", OPERATOR, transfers, transfer("toSiteId", quoted(SQL)))
                        .field("toSiteId"),
                post("transfer: toSiteId sent as the number 5", OPERATOR, transfers, transfer("toSiteId", "5"))
                        .field("toSiteId"),
                post("transfer: missing mineral", OPERATOR, transfers, transfer("mineral", null)).field("mineral"),
                // Without a Content-Type Spring assumes application/octet-stream for a request that has a
                // body (AbstractMessageConverterMethodArgumentResolver); no JSON converter reads that, so it
                // throws HttpMediaTypeNotSupportedException: 415, like any other unsupported media type.
                // (Only a request with neither Content-Type nor body is treated as a missing body: 400.)
                post("transfer: no Content-Type", OPERATOR, transfers, transfer()).contentType(null).status(415),
                post("transfer: Content-Type text/plain", OPERATOR, transfers, transfer())
                        .contentType("text/plain").status(415),

                // --- POST /api/v1/transfers/{transferId}/receipt (OPERATOR) ---
                post("receipt: transfer id not a UUID", OPERATOR, "/api/v1/transfers/not-a-uuid/receipt", null)
                        .field("transferId"),
                post("receipt: SQL as transfer id", OPERATOR,
                        "/api/v1/transfers/" + SQL_IN_PATH_WITHOUT_SEMICOLON + "/receipt", null).field("transferId"),
                post("receipt: Idempotency-Key of 65 characters", OPERATOR,
                        "/api/v1/transfers/" + TRANSFER + "/receipt", null)
                        .header("Idempotency-Key", "r".repeat(65)).field("Idempotency-Key"),
                post("receipt: Idempotency-Key with a space", OPERATOR,
                        "/api/v1/transfers/" + TRANSFER + "/receipt", null)
                        .header("Idempotency-Key", "receipt key").field("Idempotency-Key")
        ).map(Arguments::of);
    }

    // --- request bodies: a valid body, with fields replaced (raw JSON), added, or removed (null) ---

    private static String site(String... edits) {
        return object(edits, "siteId", quoted(Reserve.newSiteId("NV")), "name", "\"Depot Bad Input\"",
                "state", "\"NV\"", "capacityTonnes", "100");
    }

    private static String price(String... edits) {
        return object(edits, "pricePerTonneUsd", "15000.00", "effectiveFrom", "\"2026-01-01\"");
    }

    private static String deposit(String... edits) {
        return object(edits, "mineral", "\"LITHIUM\"", "form", "\"concentrate\"", "quantityTonnes", "1",
                "unitCostUsd", "12000.50", "supplier", "\"Trader CL\"", "originCountry", "\"CL\"",
                "fundingSource", "\"EXIM_LOAN\"");
    }

    private static String withdrawal(String... edits) {
        return object(edits, "mineral", "\"LITHIUM\"", "quantityTonnes", "1", "reason", "\"ROTATION\"");
    }

    private static String transfer(String... edits) {
        return object(edits, "fromSiteId", quoted(SITE), "toSiteId", quoted(OTHER_SITE),
                "mineral", "\"LITHIUM\"", "quantityTonnes", "1");
    }

    private static String object(String[] edits, String... base) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < base.length; i += 2) {
            fields.put(base[i], base[i + 1]);
        }
        for (int i = 0; i < edits.length; i += 2) {
            if (edits[i + 1] == null) {
                fields.remove(edits[i]);
            } else {
                fields.put(edits[i], edits[i + 1]);
            }
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, raw) -> json.append(json.length() > 1 ? "," : "").append(quoted(name)).append(':')
                .append(raw));
        return json.append('}').toString();
    }

    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private String resolve(String text) {
        return text == null ? null
                : text.replace(OTHER_SITE, otherSite).replace(SITE, site).replace(TRANSFER, transferId);
    }

    private static JsonNode parse(Api.Response response) {
        try {
            return response.body() == null || response.body().isBlank() ? null : response.json();
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 400 ? body : body.substring(0, 400) + "...";
    }

    private static Case post(String name, String role, String path, String body) {
        return new Case(name, role, "POST", path, JSON, body, Map.of(), 400, null);
    }

    private static Case put(String name, String role, String path, String body) {
        return new Case(name, role, "PUT", path, JSON, body, Map.of(), 400, null);
    }

    /**
     * One bad request and how it must be refused.
     *
     * @param field the field an {@code errors} entry must name, or null when the fault is not one field's
     */
    record Case(String name, String role, String method, String path, String contentType, String body,
                Map<String, String> headers, int status, String field) {

        Case field(String named) {
            return new Case(name, role, method, path, contentType, body, headers, status, named);
        }

        Case status(int expected) {
            return new Case(name, role, method, path, contentType, body, headers, expected, field);
        }

        Case contentType(String type) {
            return new Case(name, role, method, path, type, body, headers, status, field);
        }

        Case header(String header, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new Case(name, role, method, path, contentType, body, Map.copyOf(more), status, field);
        }

        @Override
        public String toString() {
            return name + " -> " + status;
        }
    }
}

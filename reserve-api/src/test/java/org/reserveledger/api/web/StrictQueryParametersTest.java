package org.reserveledger.api.web;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unknown query parameters are refused like unknown JSON fields, on every endpoint the service documents,
 * read from its own OpenAPI document so that an endpoint added later is covered by this test too.
 */
class StrictQueryParametersTest extends ApiIntegrationTest {

    private static final List<String> ROLES = List.of("AUDITOR", "ADMIN", "GOVERNANCE", "OPERATOR", "TREASURY",
            "MANUFACTURER");
    private static final String UNKNOWN = "unknownParam";

    @Test
    void everyDocumentedOperationRefusesAnUnknownQueryParameterAsAProblemAndAppendsNothing() {
        List<Operation> operations = operations();
        assertThat(operations).as("operations in /v3/api-docs")
                .anyMatch(o -> o.method().equals("GET") && o.path().equals("/api/v1/audit/events"))
                .anyMatch(o -> o.method().equals("POST") && o.path().equals("/api/v1/sites"));
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : operations) {
            long before = eventCount();
            Api.Response response = sendAsAllowed(operation, UNKNOWN + "=1");
            String shown = operation + " " + response;
            softly.assertThat(response.status()).as(shown).isEqualTo(400);
            softly.assertThat(response.header("Content-Type")).as(shown).startsWith("application/problem+json");
            if (response.status() == 400 && response.header("Content-Type").startsWith("application/problem+json")) {
                JsonNode problem = response.json();
                softly.assertThat(problem.get("status").asInt()).as(shown).isEqualTo(400);
                softly.assertThat(problem.get("type").asString()).as(shown).isNotBlank();
                softly.assertThat(problem.get("errors").get(0).get("field").asString()).as(shown).isEqualTo(UNKNOWN);
                softly.assertThat(problem.get("errors").get(0).get("message").asString()).as(shown)
                        .startsWith("is not a parameter of this endpoint; it accepts")
                        .contains(String.join(", ", operation.queryParams().stream().map(Param::name).toList()));
            }
            softly.assertThat(eventCount()).as("events appended by " + shown).isEqualTo(before);
        }
        softly.assertAll();
    }

    @Test
    void everyDocumentedQueryParameterOfAReadIsAccepted() {
        SoftAssertions softly = new SoftAssertions();
        int checked = 0;
        for (Operation operation : operations()) {
            if (!operation.method().equals("GET")) {
                continue;
            }
            for (Param param : operation.queryParams()) {
                Api.Response response = sendAsAllowed(operation, param.name() + "=" + param.sample());
                checked++;
                String shown = operation + "?" + param.name() + "=" + param.sample() + " " + response;
                // A value may still be refused (a required companion missing, a wait that times out), never the name.
                softly.assertThat(response.status()).as(shown).isNotEqualTo(500);
                if (response.status() == 400 && response.json().has("errors")) {
                    for (JsonNode error : response.json().get("errors")) {
                        softly.assertThat(error.get("message").asString()).as(shown)
                                .doesNotStartWith("is not a parameter").doesNotStartWith("is given");
                    }
                }
            }
        }
        assertThat(checked).as("documented query parameters").isGreaterThan(5);
        softly.assertAll();
    }

    @Test
    void aParameterGivenTwiceWhereOneValueIsTakenIsRefused() {
        Api auditor = as("AUDITOR");
        for (String query : List.of("limit=5&limit=6", "actor=a&actor=b", "afterPosition=0&afterPosition=0")) {
            Api.Response response = auditor.get("/api/v1/audit/events?" + query);
            assertThat(response.status()).as(query + " " + response).isEqualTo(400);
            JsonNode error = response.json().get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo(query.substring(0, query.indexOf('=')));
            assertThat(error.get("message").asString()).isEqualTo("is given 2 times; this endpoint takes one value");
        }
    }

    @Test
    void aCommandWithAnUnknownQueryParameterIsRefusedBeforeItRuns() {
        String site = "NV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long before = eventCount();

        Api.Response response = as("GOVERNANCE").post("/api/v1/sites?dryRun=true", """
                {"siteId":"%s","name":"Depot","state":"NV","capacityTonnes":10}
                """.formatted(site));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("dryRun");
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .isEqualTo("is not a parameter of this endpoint; it accepts none");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(as("GOVERNANCE").get("/api/v1/sites/" + site).status()).isEqualTo(404);
    }

    @Test
    void anEncodedNameIsReadAsDecodedAndEndpointsOutsideTheApiAreLeftAlone() {
        Api auditor = as("AUDITOR");
        // %6C%69%6D%69%74 is "limit".
        assertThat(auditor.get("/api/v1/audit/events?%6C%69%6D%69%74=1").status()).isEqualTo(200);
        assertThat(auditor.get("/api/v1/audit/events?lim%69t2=1").json().get("errors").get(0).get("field").asString())
                .isEqualTo("limit2");
        assertThat(as(null).get("/v3/api-docs?" + UNKNOWN + "=1").status()).isEqualTo(200);
        assertThat(as(null).get("/actuator/health?" + UNKNOWN + "=1").status()).isEqualTo(200);
        assertThat(as(null).get("/dashboard/app.js?v=" + UNKNOWN).status()).isEqualTo(200);
    }

    /** The operation sent by the first role it does not refuse (403); path variables get a well-formed value. */
    private Api.Response sendAsAllowed(Operation operation, String query) {
        String path = operation.path();
        for (Param param : operation.pathParams()) {
            path = path.replace("{" + param.name() + "}", param.sample());
        }
        Api.Response response = null;
        for (String role : ROLES) {
            Api api = as(role);
            response = operation.method().equals("GET") ? api.get(path + "?" + query)
                    : api.send(operation.method(), path + "?" + query, "application/json", "{}");
            if (response.status() != 403) {
                return response;
            }
        }
        return response;
    }

    private List<Operation> operations() {
        JsonNode document = as(null).get("/v3/api-docs").json();
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                List<Param> pathParams = new ArrayList<>();
                List<Param> queryParams = new ArrayList<>();
                JsonNode parameters = method.getValue().get("parameters");
                if (parameters != null) {
                    for (JsonNode parameter : parameters) {
                        Param param = new Param(parameter.get("name").asString(), parameter.get("schema"));
                        switch (parameter.get("in").asString()) {
                            case "path" -> pathParams.add(param);
                            case "query" -> queryParams.add(param);
                            default -> { }
                        }
                    }
                }
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), pathParams, queryParams));
            }
        }
        return operations;
    }

    private record Operation(String method, String path, List<Param> pathParams, List<Param> queryParams) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private record Param(String name, JsonNode schema) {

        /** A well-formed value of the parameter's type; whether the endpoint then accepts it is not the point. */
        String sample() {
            String type = schema == null || schema.get("type") == null ? "string" : schema.get("type").asString();
            String format = schema == null || schema.get("format") == null ? "" : schema.get("format").asString();
            return switch (format) {
                case "date" -> LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
                case "date-time" -> Instant.now().minus(1, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS).toString();
                case "uuid" -> UUID.randomUUID().toString();
                default -> switch (type) {
                    case "integer", "number" -> "0";
                    case "boolean" -> "true";
                    default -> name.endsWith("Dates") ? LocalDate.now(ZoneOffset.UTC).minusDays(1).toString() : "X-1";
                };
            };
        }
    }
}

package org.reserveledger.api.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityTest extends ApiIntegrationTest {

    @Test
    void requestsWithoutAValidTokenAre401Problems() {
        for (Api anonymous : new Api[]{as(null), new Api(port, "not-a-configured-token")}) {
            Api.Response view = anonymous.get("/api/v1/views/inventory-by-site");
            Api.Response command = anonymous.post("/api/v1/sites",
                    Api.json("siteId", "NV-UNAUTH", "name", "X", "state", "NV", "capacityTonnes", 1));
            for (Api.Response response : new Api.Response[]{view, command}) {
                assertThat(response.status()).isEqualTo(401);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
                assertThat(response.json().get("status").asInt()).isEqualTo(401);
            }
        }
    }

    @ParameterizedTest(name = "{0} may not {1} {2}")
    @CsvSource({
            "OPERATOR, POST, /api/v1/sites",
            "TREASURY, PUT, /api/v1/reference-prices/LITHIUM",
            "GOVERNANCE, POST, /api/v1/sites/NV-RENO-01/deposits",
            "AUDITOR, POST, /api/v1/sites/NV-RENO-01/withdrawals",
            "MANUFACTURER, POST, /api/v1/transfers",
            "ADMIN, POST, /api/v1/transfers/6f1c1a3e-0000-4000-8000-000000000000/receipt",
            "OPERATOR, GET, /actuator/metrics",
    })
    void theWrongRoleIs403AndAppendsNothing(String role, String method, String path) {
        long before = eventCount();

        Api.Response response = as(role).send(method, path, "application/json", "{}");

        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void healthAnswersWithoutATokenButShowsDetailsOnlyToAdmins() {
        Api.Response anonymous = as(null).get("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).isFalse();

        Api.Response admin = as("ADMIN").get("/actuator/health");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().get("components").has("db")).isTrue();
        assertThat(admin.json().get("components").get("eventProcessors").get("status").asString()).isEqualTo("UP");
        assertThat(admin.json().get("components").get("eventProcessors").get("details").has("inventory")).isTrue();
    }

    @Test
    void otherActuatorEndpointsNeedAdmin() {
        assertThat(as(null).get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(as("ADMIN").get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(as("ADMIN").get("/actuator/env").status()).isEqualTo(404);
    }

    @Test
    void everyRoleMayReadTheViews() {
        for (String role : new String[]{"GOVERNANCE", "OPERATOR", "TREASURY", "MANUFACTURER", "AUDITOR", "ADMIN"}) {
            assertThat(as(role).get("/api/v1/views/inventory-by-mineral").status()).as(role).isEqualTo(200);
            assertThat(as(role).get("/api/v1/minerals").status()).as(role).isEqualTo(200);
            assertThat(as(role).get("/api/v1/sites").status()).as(role).isEqualTo(200);
        }
    }

    @Test
    void openApiDescribesTheContract() {
        Api.Response docs = as(null).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames()).contains("/api/v1/sites", "/api/v1/sites/{siteId}/deposits",
                "/api/v1/sites/{siteId}/withdrawals", "/api/v1/transfers", "/api/v1/transfers/{transferId}/receipt",
                "/api/v1/reference-prices/{mineral}", "/api/v1/minerals", "/api/v1/views/inventory-by-site",
                "/api/v1/views/inventory-by-mineral");
        assertThat(as(null).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}

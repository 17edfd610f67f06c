package org.reserveledger.api.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers a browser acts on: the dashboards' pages carry a Content-Security-Policy that lets
 * them load only their own script and call only this origin, every response says no-referrer,
 * API responses are never cached or sniffed, and HSTS is sent only on requests that came over TLS.
 */
class SecurityHeadersTest extends ApiIntegrationTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/index.html", "/dashboard/app.js", "/dashboard/app.css"})
    void pagesCarryTheirContentSecurityPolicyAndNoReferrer(String path) {
        Api.Response page = as(null).get(path);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy"))
                .isEqualTo(SecurityConfiguration.PAGE_POLICY)
                .contains("script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("'unsafe-eval'", "script-src 'self' 'unsafe-inline'");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void apiResponsesAreNeitherCachedNorSniffedNorRenderable() {
        for (Api.Response response : new Api.Response[]{as("AUDITOR").get("/api/v1/minerals"),
                as(null).get("/api/v1/minerals"), as("OPERATOR").post("/api/v1/sites", "{}")}) {
            assertThat(response.header("X-Content-Type-Options")).as(response.toString()).isEqualTo("nosniff");
            assertThat(response.header("Cache-Control")).as(response.toString()).contains("no-store");
            assertThat(response.header("Content-Security-Policy")).isEqualTo(SecurityConfiguration.API_POLICY);
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
    }

    @Test
    void strictTransportSecurityOnlyForRequestsAProxyReceivedOverTls() {
        Api.Response plain = as("AUDITOR").get("/api/v1/minerals");
        Api.Response forwarded = as("AUDITOR").withHeader("X-Forwarded-Proto", "https").get("/api/v1/minerals");
        Api.Response forwardedPage = as(null).withHeader("X-Forwarded-Proto", "https").get("/index.html");

        assertThat(plain.header("Strict-Transport-Security")).isNull();
        for (Api.Response secure : new Api.Response[]{forwarded, forwardedPage}) {
            assertThat(secure.status()).isEqualTo(200);
            assertThat(secure.header("Strict-Transport-Security")).contains("max-age=31536000").contains("includeSubDomains");
        }
    }
}

package org.reserveledger.api.views;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;
import org.reserveledger.domain.shared.DateBounds;
import tools.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every view reads its query parameters strictly: a bad value is a 400 problem naming the field, never a 500. */
class ViewParametersTest extends ApiIntegrationTest {

    private static final List<String> VIEWS = List.of("/api/v1/views/inventory-by-site",
            "/api/v1/views/inventory-by-mineral", "/api/v1/views/concentration", "/api/v1/views/commitments",
            "/api/v1/views/commitments/" + UUID.randomUUID(), "/api/v1/views/financing",
            "/api/v1/views/financing/history?valueDates=2026-01-31");

    @Test
    void refusesAsOfOutsideTheBooksSpanOnEveryView() {
        for (String view : VIEWS) {
            for (String asOf : List.of("-999999999-01-01T00:00:00Z", "%2B999999999-12-31T23:59:59Z",
                    "1899-12-31T23:59:59Z", "2201-01-01T00:00:00Z")) {
                assertFieldError(as("AUDITOR").get(view + separator(view) + "asOf=" + asOf), "asOf", DateBounds.RANGE);
            }
            assertFieldError(as("AUDITOR").get(view + separator(view) + "asOf=yesterday"), "asOf", null);
        }
    }

    @Test
    void refusesValueDatesOutsideTheBooksSpan() {
        for (String valueDate : List.of("-999999999-01-01", "%2B999999999-12-31", "1899-12-31", "2201-01-01")) {
            assertFieldError(as("TREASURY").get("/api/v1/views/financing?valueDate=" + valueDate), "valueDate",
                    DateBounds.RANGE);
            assertFieldError(as("TREASURY").get("/api/v1/views/financing/history?valueDates=2026-01-31," + valueDate),
                    "valueDates", DateBounds.RANGE);
        }
        // An unencoded '+' reads as a space, which is no date either.
        assertFieldError(as("TREASURY").get("/api/v1/views/financing?valueDate=+999999999-12-31"), "valueDate", null);
        assertThat(as("TREASURY").get("/api/v1/views/financing?valueDate=" + DateBounds.EARLIEST).status()).isEqualTo(200);
        assertThat(as("TREASURY").get("/api/v1/views/financing?valueDate=" + DateBounds.LATEST).status()).isEqualTo(200);
    }

    @Test
    void refusesMalformedValueDateLists() {
        String tooMany = String.join(",", Collections.nCopies(121, "2026-01-31"));
        for (String valueDates : List.of(",,,", ",", "", "%20", "2026-01-31,", ",2026-01-31", "2026-01-31,,2026-02-28",
                "2026-01-31;2026-02-28", "2026-02-30", "2026-1-31", "31.01.2026", tooMany)) {
            assertFieldError(as("TREASURY").get("/api/v1/views/financing/history?valueDates=" + valueDates),
                    "valueDates", null);
        }
        Api.Response repeated = as("TREASURY").get("/api/v1/views/financing/history?valueDates=2026-01-31,2026-01-31");
        assertThat(repeated.status()).as(repeated.toString()).isEqualTo(200);
        JsonNode views = repeated.json().get("views");
        assertThat(views).hasSize(2);
        assertThat(views.get(0)).isEqualTo(views.get(1));
    }

    @Test
    void refusesMalformedPositionsAndManufacturerIds() {
        for (String view : VIEWS) {
            for (String minPosition : List.of("-1", "abc", "1.5", "99999999999999999999", "")) {
                Api.Response refused = as("AUDITOR").get(view + separator(view) + "minPosition=" + minPosition);
                if (minPosition.isEmpty()) {
                    // An empty value is no value: the view answers live.
                    assertThat(refused.status()).as(view + " " + refused).isIn(200, 404);
                } else {
                    assertFieldError(refused, "minPosition", null);
                }
            }
        }
        assertFieldError(as("AUDITOR").get("/api/v1/views/commitments?manufacturerId=voltcell"), "manufacturerId", null);
        assertFieldError(as("AUDITOR").get("/api/v1/views/commitments?manufacturerId=" + "A".repeat(40)),
                "manufacturerId", null);
    }

    private static String separator(String view) {
        return view.contains("?") ? "&" : "?";
    }

    private static void assertFieldError(Api.Response response, String field, String messagePart) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.toString()).isNotNull();
        assertThat(errors.get(0).get("field").asString()).as(response.toString()).isEqualTo(field);
        if (messagePart != null) {
            assertThat(errors.get(0).get("message").asString()).contains(messagePart);
        }
    }
}

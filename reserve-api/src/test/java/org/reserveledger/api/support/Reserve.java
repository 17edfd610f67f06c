package org.reserveledger.api.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds scenarios through the public API, as the reserve's users would, and reads views back.
 */
public final class Reserve {

    private final Api api;
    private final JdbcClient jdbc;

    public Reserve(Api api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    /** A site id no other test uses, e.g. {@code NV-4F2K9Q}. */
    public static String newSiteId(String state) {
        StringBuilder id = new StringBuilder(state.toUpperCase(Locale.ROOT)).append('-');
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        for (int i = 0; i < 8; i++) {
            id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return id.toString();
    }

    public String registerSite(String state, String capacityTonnes) {
        String siteId = newSiteId(state);
        Api.Response response = api.as("GOVERNANCE").post("/api/v1/sites", """
                {"siteId":"%s","name":"Depot %s","state":"%s","capacityTonnes":%s}
                """.formatted(siteId, siteId, state, capacityTonnes));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return siteId;
    }

    public Api.Response deposit(String siteId, String mineral, String tonnes, String unitCostUsd, String country) {
        return deposit(siteId, mineral, tonnes, unitCostUsd, country, null);
    }

    public Api.Response deposit(String siteId, String mineral, String tonnes, String unitCostUsd, String country,
                                String receivedAt) {
        String received = receivedAt == null ? "" : ",\"receivedAt\":\"" + receivedAt + "\"";
        return api.as("OPERATOR").post("/api/v1/sites/" + siteId + "/deposits", """
                {"mineral":"%s","form":"concentrate","quantityTonnes":%s,"unitCostUsd":%s,"supplier":"Trader %s",
                 "originCountry":"%s","fundingSource":"EXIM_LOAN"%s}
                """.formatted(mineral, tonnes, unitCostUsd, country, country, received));
    }

    public Api.Response withdraw(String siteId, String mineral, String tonnes) {
        return api.as("OPERATOR").post("/api/v1/sites/" + siteId + "/withdrawals", """
                {"mineral":"%s","quantityTonnes":%s,"reason":"ROTATION"}
                """.formatted(mineral, tonnes));
    }

    public Api.Response transfer(String from, String to, String mineral, String tonnes) {
        return api.as("OPERATOR").post("/api/v1/transfers", """
                {"fromSiteId":"%s","toSiteId":"%s","mineral":"%s","quantityTonnes":%s}
                """.formatted(from, to, mineral, tonnes));
    }

    /** A commitment at USD 12,345.67 a tonne, USD 250,000 upfront and USD 10.00 a tonne-month; answers its id. */
    public String commitment(String manufacturer, String mineral, String tonnes, String start, String end,
                             int replenishWithinDays) {
        Api.Response response = api.as("GOVERNANCE").post("/api/v1/commitments", """
                {"manufacturerId":"%s","mineral":"%s","quantityTonnes":%s,"pricePerTonneUsd":12345.67,
                 "startDate":"%s","endDate":"%s","upfrontFeeUsd":250000,"storageFeePerTonneMonthUsd":10.00,
                 "replenishWithinDays":%d}
                """.formatted(manufacturer, mineral, tonnes, start, end, replenishWithinDays));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("commitmentId").asString();
    }

    /** A draw by an operator, dated {@code drawnOn} or, when null, today. */
    public Api.Response draw(String commitment, String site, String tonnes, String drawnOn) {
        String on = drawnOn == null ? "" : ",\"drawnOn\":\"" + drawnOn + "\"";
        return api.as("OPERATOR").post("/api/v1/commitments/" + commitment + "/draws",
                "{\"siteId\":\"%s\",\"quantityTonnes\":%s%s}".formatted(site, tonnes, on));
    }

    public Api.Response receive(String transferId) {
        return api.as("OPERATOR").post("/api/v1/transfers/" + transferId + "/receipt", null);
    }

    /** The inventory-by-site view once it has applied everything written so far. */
    public JsonNode site(String siteId) {
        Api.Response response = api.as("AUDITOR").get("/api/v1/views/inventory-by-site?minPosition=" + head());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        for (JsonNode site : response.json().get("sites")) {
            if (site.get("siteId").asString().equals(siteId)) {
                return site;
            }
        }
        throw new AssertionError("site " + siteId + " not in the view: " + response.body());
    }

    /** One mineral's row at one site, or null when the site holds none of it. */
    public JsonNode siteMineral(String siteId, String mineral) {
        for (JsonNode row : site(siteId).get("minerals")) {
            if (row.get("mineral").asString().equals(mineral)) {
                return row;
            }
        }
        return null;
    }

    public long head() {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
    }
}

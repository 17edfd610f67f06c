package org.reserveledger.api.inventory;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryApiTest extends ApiIntegrationTest {

    @Test
    void depositsWithdrawalsAndTransfersGiveExactNumbersInBothViews() {
        String reno = reserve.registerSite("NV", "1000");
        String houston = reserve.registerSite("TX", "500");
        Api.Response price = as("GOVERNANCE").put("/api/v1/reference-prices/GALLIUM",
                Api.json("pricePerTonneUsd", 800000.00, "effectiveFrom", "2026-11-01"));
        assertThat(price.status()).as(price.toString()).isEqualTo(200);
        assertThat(price.json().get("mineral").asString()).isEqualTo("GALLIUM");

        Api.Response chilean = reserve.deposit(reno, "GALLIUM", "100.5", "750000", "CL", "2026-10-01T00:00:00Z");
        Api.Response australian = reserve.deposit(reno, "GALLIUM", "50", "810000.50", "AU", "2026-10-15T00:00:00Z");
        assertThat(chilean.status()).as(chilean.toString()).isEqualTo(201);
        assertThat(chilean.header("Location")).startsWith("/api/v1/sites/" + reno + "/deposits/");
        assertThat(australian.position()).isGreaterThan(chilean.position());

        Api.Response withdrawal = reserve.withdraw(reno, "GALLIUM", "120");
        assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(201);
        JsonNode lots = withdrawal.json().get("lots");
        assertThat(lots).hasSize(2);
        assertThat(lots.get(0).get("lotId").asString()).isEqualTo(chilean.json().get("lotId").asString());
        assertThat(lots.get(0).get("quantityTonnes").decimalValue()).isEqualByComparingTo("100.5");
        assertThat(lots.get(1).get("lotId").asString()).isEqualTo(australian.json().get("lotId").asString());
        assertThat(lots.get(1).get("quantityTonnes").decimalValue()).isEqualByComparingTo("19.5");

        Api.Response transfer = reserve.transfer(reno, houston, "GALLIUM", "10");
        assertThat(transfer.status()).as(transfer.toString()).isEqualTo(201);
        String transferId = transfer.json().get("transferId").asString();

        JsonNode renoGallium = reserve.siteMineral(reno, "GALLIUM");
        assertThat(renoGallium.get("onHandTonnes").decimalValue()).isEqualByComparingTo("20.5");
        assertThat(renoGallium.get("lotCount").asInt()).isEqualTo(1);
        // 20.5 t of the Australian lot at 810,000.50 USD/t
        assertThat(renoGallium.get("bookValueUsd").decimalValue()).isEqualByComparingTo("16605010.25");
        assertThat(renoGallium.get("referenceValueUsd").decimalValue()).isEqualByComparingTo("16400000.00");
        JsonNode inTransit = reserve.siteMineral(houston, "GALLIUM");
        assertThat(inTransit.get("onHandTonnes").decimalValue()).isEqualByComparingTo("0");
        assertThat(inTransit.get("inTransitTonnes").decimalValue()).isEqualByComparingTo("10");
        assertThat(reserve.site(houston).get("usedTonnes").decimalValue()).isEqualByComparingTo("10");

        Api.Response receipt = reserve.receive(transferId);
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(200);
        JsonNode received = reserve.siteMineral(houston, "GALLIUM");
        assertThat(received.get("onHandTonnes").decimalValue()).isEqualByComparingTo("10");
        assertThat(received.get("inTransitTonnes").decimalValue()).isEqualByComparingTo("0");
        assertThat(received.get("bookValueUsd").decimalValue()).isEqualByComparingTo("8100005.00");

        Api.Response again = reserve.receive(transferId);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("transfer-already-received");
    }

    @Test
    void nationalPositionIsTheSumOverSites() {
        String a = reserve.registerSite("WY", "300");
        String b = reserve.registerSite("UT", "300");
        reserve.deposit(a, "HOLMIUM", "10.125", "1000.01", "CN");
        reserve.deposit(b, "HOLMIUM", "20.333", "999.99", "MY");
        reserve.transfer(b, a, "HOLMIUM", "5");

        JsonNode siteA = reserve.siteMineral(a, "HOLMIUM");
        JsonNode siteB = reserve.siteMineral(b, "HOLMIUM");
        Api.Response national = as("OPERATOR").get("/api/v1/views/inventory-by-mineral?minPosition=" + reserve.head());
        assertThat(national.status()).isEqualTo(200);
        assertThat(national.header("X-Projection-Position")).isNotNull();
        JsonNode holmium = null;
        for (JsonNode row : national.json().get("minerals")) {
            if (row.get("mineral").asString().equals("HOLMIUM")) {
                holmium = row;
            }
        }
        assertThat(holmium).isNotNull();
        assertThat(holmium.get("onHandTonnes").decimalValue())
                .isEqualByComparingTo(siteA.get("onHandTonnes").decimalValue().add(siteB.get("onHandTonnes").decimalValue()));
        assertThat(holmium.get("onHandTonnes").decimalValue()).isEqualByComparingTo("25.458");
        assertThat(holmium.get("inTransitTonnes").decimalValue()).isEqualByComparingTo("5");
        assertThat(holmium.get("bookValueUsd").decimalValue())
                .isEqualByComparingTo(siteA.get("bookValueUsd").decimalValue().add(siteB.get("bookValueUsd").decimalValue()));
        assertThat(holmium.get("committedTonnes").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void refusesWithdrawalBeyondStockAndAppendsNothing() {
        String site = reserve.registerSite("NV", "100");
        reserve.deposit(site, "COBALT", "10.5", "30000", "CD");
        long before = eventCount();

        Api.Response refused = reserve.withdraw(site, "COBALT", "12");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("insufficient-stock");
        assertThat(refused.json().get("detail").asString()).contains("12.000 t", "10.500 t", site);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void withdrawsFromNamedLotsWhenTheOperatorChoosesThem() {
        String site = reserve.registerSite("NV", "100");
        String older = reserve.deposit(site, "COBALT", "10", "30000", "CD", "2026-01-01T00:00:00Z").json().get("lotId").asString();
        String newer = reserve.deposit(site, "COBALT", "10", "31000", "AU", "2026-02-01T00:00:00Z").json().get("lotId").asString();

        Api.Response named = as("OPERATOR").post("/api/v1/sites/" + site + "/withdrawals", """
                {"mineral":"COBALT","quantityTonnes":4,"reason":"SALE","lots":[{"lotId":"%s","quantityTonnes":4}]}
                """.formatted(newer));
        Api.Response tooMuch = as("OPERATOR").post("/api/v1/sites/" + site + "/withdrawals", """
                {"mineral":"COBALT","quantityTonnes":7,"reason":"SALE","lots":[{"lotId":"%s","quantityTonnes":7}]}
                """.formatted(newer));
        Api.Response mismatch = as("OPERATOR").post("/api/v1/sites/" + site + "/withdrawals", """
                {"mineral":"COBALT","quantityTonnes":3,"reason":"SALE","lots":[{"lotId":"%s","quantityTonnes":2}]}
                """.formatted(older));

        assertThat(named.status()).as(named.toString()).isEqualTo(201);
        assertThat(named.json().get("lots").get(0).get("lotId").asString()).isEqualTo(newer);
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.json().get("code").asString()).isEqualTo("insufficient-stock");
        assertThat(mismatch.status()).isEqualTo(400);
        // 10 t of the older lot at 30,000 and 6 t of the newer at 31,000 remain.
        assertThat(reserve.siteMineral(site, "COBALT").get("bookValueUsd").decimalValue()).isEqualByComparingTo("486000.00");
    }

    @Test
    void refusesDepositOverCapacity() {
        String site = reserve.registerSite("NV", "100");
        reserve.deposit(site, "NICKEL", "60", "16000", "ID");

        Api.Response refused = reserve.deposit(site, "COBALT", "40.001", "30000", "CD");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("capacity-exceeded");
    }

    @Test
    void transferWithoutRoomAtDestinationMovesNothing() {
        String from = reserve.registerSite("NV", "100");
        String to = reserve.registerSite("AZ", "5");
        reserve.deposit(from, "NICKEL", "20", "16000", "ID");
        long before = eventCount();

        Api.Response refused = reserve.transfer(from, to, "NICKEL", "6");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("capacity-exceeded");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(reserve.siteMineral(from, "NICKEL").get("onHandTonnes").decimalValue()).isEqualByComparingTo("20");
        assertThat(reserve.siteMineral(to, "NICKEL")).isNull();
    }

    @Test
    void roomReservedForATransferCountsAgainstCapacity() {
        String from = reserve.registerSite("NV", "100");
        String to = reserve.registerSite("AZ", "10");
        reserve.deposit(from, "NICKEL", "20", "16000", "ID");
        assertThat(reserve.transfer(from, to, "NICKEL", "8").status()).isEqualTo(201);

        Api.Response refused = reserve.deposit(to, "COBALT", "3", "30000", "CD");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("capacity-exceeded");
    }

    @Test
    void unknownSitesAndTransfersAre404() {
        assertThat(reserve.deposit("NO-SUCH-SITE", "LITHIUM", "1", "1", "CL").status()).isEqualTo(404);
        assertThat(reserve.withdraw("NO-SUCH-SITE", "LITHIUM", "1").status()).isEqualTo(404);
        String site = reserve.registerSite("NV", "100");
        Api.Response transfer = reserve.transfer(site, "NO-SUCH-SITE", "LITHIUM", "1");
        assertThat(transfer.status()).as(transfer.toString()).isEqualTo(404);
        Api.Response receipt = reserve.receive(UUID.randomUUID().toString());
        assertThat(receipt.status()).isEqualTo(404);
        assertThat(receipt.json().get("detail").asString()).startsWith("no transfer");
    }

    @Test
    void registeringAnExistingSiteIs409() {
        String site = reserve.registerSite("NV", "100");
        long before = eventCount();

        Api.Response again = as("GOVERNANCE").post("/api/v1/sites",
                Api.json("siteId", site, "name", "Again", "state", "NV", "capacityTonnes", 5));

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void listsSitesWithTheirCapacity() {
        String site = reserve.registerSite("MT", "250.5");

        Api.Response sites = as("MANUFACTURER").get("/api/v1/sites?minPosition=" + reserve.head());

        assertThat(sites.status()).isEqualTo(200);
        assertThat(sites.header("X-Projection-Position")).isNotNull();
        JsonNode entry = null;
        for (JsonNode s : sites.json()) {
            if (s.get("siteId").asString().equals(site)) {
                entry = s;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.get("state").asString()).isEqualTo("MT");
        assertThat(entry.get("capacityTonnes").decimalValue()).isEqualByComparingTo("250.5");
        assertThat(entry.get("status").asString()).isEqualTo("ACTIVE");
        Api.Response one = as("OPERATOR").get("/api/v1/sites/" + site);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("capacityTonnes").decimalValue()).isEqualByComparingTo("250.5");
        assertThat(as("OPERATOR").get("/api/v1/sites/NO-SUCH-SITE").status()).isEqualTo(404);
    }

    @Test
    void listsTheCriticalMinerals() {
        Api.Response minerals = as("AUDITOR").get("/api/v1/minerals");

        assertThat(minerals.status()).isEqualTo(200);
        assertThat(minerals.json()).hasSize(60);
        assertThat(minerals.body()).contains("{\"code\":\"LITHIUM\",\"name\":\"Lithium\"}", "\"DYSPROSIUM\"", "\"COPPER\"");
    }
}

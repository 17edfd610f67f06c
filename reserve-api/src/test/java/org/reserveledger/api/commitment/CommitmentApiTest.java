package org.reserveledger.api.commitment;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;
import org.reserveledger.api.support.Concurrently;
import org.reserveledger.api.support.Reserve;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offtake commitments through HTTP. Each test uses minerals of its own, because national figures
 * (stock, committed tonnes) are shared by every test in this database.
 */
class CommitmentApiTest extends ApiIntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    /** A term in force today, whenever the tests run. */
    private static final String START = TODAY.minusYears(1).toString();
    private static final String END = TODAY.plusYears(1).toString();

    @Test
    void aDrawTakesOldestLotsAndMustBeReplenishedWithinTheAgreedDays() {
        String site = reserve.registerSite("NV", "1000");
        String first = reserve.deposit(site, "TELLURIUM", "30", "80000", "CN", "2026-01-01T00:00:00Z").json().get("lotId").asString();
        reserve.deposit(site, "TELLURIUM", "30", "82000", "JP", "2026-02-01T00:00:00Z");
        String manufacturer = manufacturer();
        String commitment = commitment(manufacturer, "TELLURIUM", "50", START, END, 30);

        Api.Response draw = draw(commitment, site, "35", null);

        assertThat(draw.status()).as(draw.toString()).isEqualTo(201);
        assertThat(draw.json().get("emergency").asBoolean()).isFalse();
        assertThat(draw.json().get("replenishBy").asString()).isEqualTo(TODAY.plusDays(30).toString());
        assertThat(draw.json().get("lots").get(0).get("lotId").asString()).isEqualTo(first);
        assertThat(draw.json().get("lots").get(0).get("quantityTonnes").decimalValue()).isEqualByComparingTo("30");
        assertThat(draw.json().get("lots").get(1).get("quantityTonnes").decimalValue()).isEqualByComparingTo("5");
        JsonNode view = commitmentView(commitment);
        assertThat(view.get("drawnTonnes").decimalValue()).isEqualByComparingTo("35");
        assertThat(view.get("outstandingDrawTonnes").decimalValue()).isEqualByComparingTo("35");
        assertThat(view.get("overdue").asBoolean()).isFalse();
        assertThat(view.get("status").asString()).isEqualTo("ACTIVE");
        JsonNode national = mineral("TELLURIUM");
        assertThat(national.get("onHandTonnes").decimalValue()).isEqualByComparingTo("25");
        assertThat(national.get("committedTonnes").decimalValue()).isEqualByComparingTo("50");
        assertThat(national.get("outstandingDrawTonnes").decimalValue()).isEqualByComparingTo("35");

        Api.Response replenishment = as("OPERATOR").post("/api/v1/commitments/" + commitment + "/replenishments",
                Api.json("siteId", site, "quantityTonnes", 20, "unitCostUsd", 81000, "supplier", "Tellur Co",
                        "originCountry", "CA"));
        assertThat(replenishment.status()).as(replenishment.toString()).isEqualTo(201);
        Api.Response tooMuch = as("OPERATOR").post("/api/v1/commitments/" + commitment + "/replenishments",
                Api.json("siteId", site, "quantityTonnes", 15.001, "unitCostUsd", 81000, "supplier", "Tellur Co",
                        "originCountry", "CA"));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.json().get("code").asString()).isEqualTo("replenishment-exceeds-outstanding");

        JsonNode after = commitmentView(commitment);
        assertThat(after.get("replenishedTonnes").decimalValue()).isEqualByComparingTo("20");
        assertThat(after.get("outstandingDrawTonnes").decimalValue()).isEqualByComparingTo("15");
        assertThat(mineral("TELLURIUM").get("onHandTonnes").decimalValue()).isEqualByComparingTo("45");
        assertThat(jdbc.sql("select funding_source from inventory_lot where lot_id = :lot")
                .param("lot", java.util.UUID.fromString(replenishment.json().get("lotId").asString()))
                .query(String.class).single()).isEqualTo("MANUFACTURER_REPLENISHMENT");
    }

    @Test
    void refusesDrawsPastTheLimitBeyondStockOrOutsideTheTerm() {
        String site = reserve.registerSite("NV", "1000");
        reserve.deposit(site, "THULIUM", "100", "5000", "CN");
        String commitment = commitment(manufacturer(), "THULIUM", "40", START, END, 30);
        assertThat(draw(commitment, site, "30", null).status()).isEqualTo(201);
        long before = eventCount();

        Api.Response pastLimit = draw(commitment, site, "10.001", null);
        Api.Response beforeStart = draw(commitment, site, "1", TODAY.minusYears(1).minusDays(1).toString());
        String small = reserve.registerSite("NV", "10");
        reserve.deposit(small, "THULIUM", "2", "5000", "CN");
        long afterSetup = eventCount();
        Api.Response beyondStock = draw(commitment, small, "3", null);

        assertThat(pastLimit.status()).isEqualTo(409);
        assertThat(pastLimit.json().get("code").asString()).isEqualTo("draw-limit-exceeded");
        assertThat(pastLimit.json().get("detail").asString()).contains("40.000 t", "40.001 t");
        assertThat(beforeStart.status()).isEqualTo(409);
        assertThat(beforeStart.json().get("code").asString()).isEqualTo("commitment-not-active");
        assertThat(beyondStock.status()).isEqualTo(409);
        assertThat(beyondStock.json().get("code").asString()).isEqualTo("insufficient-stock");
        assertThat(afterSetup - before).isEqualTo(2);
        assertThat(eventCount()).isEqualTo(afterSetup);
        assertThat(as("OPERATOR").post("/api/v1/commitments/" + java.util.UUID.randomUUID() + "/draws",
                Api.json("siteId", site, "quantityTonnes", 1)).status()).isEqualTo(404);
    }

    @Test
    void aDrawNotReplenishedInTimeMakesTheCommitmentOverdue() {
        String site = reserve.registerSite("NV", "1000");
        // Received before the draw dated eleven days ago, which may take only what was held then.
        reserve.deposit(site, "YTTERBIUM", "100", "5000", "CN", TODAY.minusDays(30) + "T09:00:00Z");
        String commitment = commitment(manufacturer(), "YTTERBIUM", "40", START, END, 10);

        Api.Response draw = draw(commitment, site, "5", TODAY.minusDays(11).toString());

        assertThat(draw.json().get("replenishBy").asString()).isEqualTo(TODAY.minusDays(1).toString());
        JsonNode view = commitmentView(commitment);
        assertThat(view.get("overdue").asBoolean()).isTrue();
        assertThat(view.get("draws").get(0).get("overdue").asBoolean()).isTrue();

        as("OPERATOR").post("/api/v1/commitments/" + commitment + "/replenishments",
                Api.json("siteId", site, "quantityTonnes", 5, "unitCostUsd", 5000, "supplier", "Back", "originCountry", "US"));
        assertThat(commitmentView(commitment).get("overdue").asBoolean()).isFalse();
    }

    @Test
    void duringADisruptionDrawsAreEmergencyAndEntitlementsAreProRataWhenStockIsShort() {
        String site = reserve.registerSite("NV", "1000");
        reserve.deposit(site, "SAMARIUM", "60", "40000", "CN");
        String a = commitment(manufacturer(), "SAMARIUM", "80", START, END, 30);
        String b = commitment(manufacturer(), "SAMARIUM", "40", START, END, 45);

        Api.Response declared = as("GOVERNANCE").post("/api/v1/disruptions",
                Api.json("mineral", "SAMARIUM", "reason", "Export ban by the main producer"));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        Api.Response twice = as("GOVERNANCE").post("/api/v1/disruptions", Api.json("mineral", "SAMARIUM", "reason", "Again"));
        assertThat(twice.status()).isEqualTo(409);

        // 60 t of stock for 120 t committed: each may have half its quantity outstanding.
        assertThat(commitmentView(a).get("emergencyEntitlementTonnes").decimalValue()).isEqualByComparingTo("40");
        assertThat(commitmentView(b).get("emergencyEntitlementTonnes").decimalValue()).isEqualByComparingTo("20");
        Api.Response emergency = draw(a, site, "40", null);
        assertThat(emergency.status()).as(emergency.toString()).isEqualTo(201);
        assertThat(emergency.json().get("emergency").asBoolean()).isTrue();
        assertThat(emergency.json().get("replenishBy").isNull()).isTrue();
        Api.Response beyond = draw(a, site, "0.001", null);
        assertThat(beyond.status()).isEqualTo(409);
        assertThat(beyond.json().get("detail").asString()).contains("emergency entitlement");
        assertThat(draw(b, site, "20", null).status()).isEqualTo(201);

        String disruptionId = declared.json().get("disruptionId").asString();
        Api.Response ended = as("GOVERNANCE").post("/api/v1/disruptions/" + disruptionId + "/end", null);
        assertThat(ended.status()).isEqualTo(200);
        assertThat(as("GOVERNANCE").post("/api/v1/disruptions/" + disruptionId + "/end", null).status()).isEqualTo(409);
        JsonNode drawAfterEnd = commitmentView(a).get("draws").get(0);
        assertThat(drawAfterEnd.get("replenishBy").asString()).isEqualTo(TODAY.plusDays(30).toString());
        assertThat(commitmentView(b).get("draws").get(0).get("replenishBy").asString())
                .isEqualTo(TODAY.plusDays(45).toString());
        // Ended today, the disruption was still in force on its last day; on the next day there is none.
        assertThat(commitmentView(a).get("emergencyEntitlementTonnes").decimalValue()).isEqualByComparingTo("40");
        JsonNode tomorrow = as("AUDITOR").get("/api/v1/views/commitments/" + a + "?valueDate=" + TODAY.plusDays(1)).json();
        assertThat(tomorrow.get("emergencyEntitlementTonnes").isNull()).as(tomorrow.toString()).isTrue();
    }

    @Test
    void settlementBuysBackTheCommittedQuantityAtTheAgreedPrice() {
        String site = reserve.registerSite("NV", "1000");
        reserve.deposit(site, "LUTETIUM", "100", "5000", "CN", "2025-01-01T09:00:00Z");
        String commitment = commitment(manufacturer(), "LUTETIUM", "25.5", "2025-01-01", "2026-06-30", 30);
        assertThat(draw(commitment, site, "10", "2026-06-01").status()).isEqualTo(201);

        Api.Response settled = as("OPERATOR").post("/api/v1/commitments/" + commitment + "/settlement",
                Api.json("siteId", site));

        assertThat(settled.status()).as(settled.toString()).isEqualTo(200);
        // 25.5 t at 12,345.67 USD/t = 314,814.585, rounded half to even
        assertThat(settled.json().get("proceedsUsd").decimalValue()).isEqualByComparingTo("314814.58");
        JsonNode view = commitmentView(commitment);
        assertThat(view.get("status").asString()).isEqualTo("SETTLED");
        assertThat(view.get("outstandingDrawTonnes").decimalValue()).isEqualByComparingTo("0");
        // 100 − 10 drawn − (25.5 − 10) delivered at settlement
        assertThat(reserve.siteMineral(site, "LUTETIUM").get("onHandTonnes").decimalValue()).isEqualByComparingTo("74.5");
        assertThat(mineral("LUTETIUM").get("committedTonnes").decimalValue()).isEqualByComparingTo("0");
        assertThat(as("OPERATOR").post("/api/v1/commitments/" + commitment + "/settlement", Api.json("siteId", site))
                .status()).isEqualTo(409);
        assertThat(draw(commitment, site, "1", null).status()).isEqualTo(409);

        String early = commitment(manufacturer(), "LUTETIUM", "5", "2026-01-01", "2075-12-31", 30);
        Api.Response tooEarly = as("OPERATOR").post("/api/v1/commitments/" + early + "/settlement", Api.json("siteId", site));
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.json().get("code").asString()).isEqualTo("commitment-not-ended");
    }

    @Test
    void storageFeesAreChargedOncePerMonthProRataForPartMonths() {
        String commitment = commitment(manufacturer(), "RUBIDIUM", "100", "2026-01-15", "2027-12-31", 30);

        Api.Response run = as("ADMIN").post("/api/v1/admin/storage-fees/run?through=2026-04-30", null);
        Api.Response again = as("ADMIN").post("/api/v1/admin/storage-fees/run?through=2026-04-30", null);

        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(again.json().get("monthsCharged").asInt()).isZero();
        // 100 t × 10.00 USD: January 17/31 = 548.39, then February, March and April at 1,000.00 each.
        assertThat(commitmentView(commitment).get("storageFeesChargedUsd").decimalValue()).isEqualByComparingTo("3548.39");
        assertThat(jdbc.sql("select count(*) from commitment_storage_fee where commitment_id = :id")
                .param("id", java.util.UUID.fromString(commitment)).query(Long.class).single()).isEqualTo(4);
        as("ADMIN").post("/api/v1/admin/storage-fees/run?through=2026-05-31", null);
        assertThat(commitmentView(commitment).get("storageFeesChargedUsd").decimalValue()).isEqualByComparingTo("4548.39");
        assertThat(as("OPERATOR").post("/api/v1/admin/storage-fees/run", null).status()).isEqualTo(403);
    }

    @Test
    void aManufacturerActsOnAndSeesOnlyItsOwnCommitments() {
        String site = reserve.registerSite("NV", "1000");
        reserve.deposit(site, "TERBIUM", "100", "5000", "CN");
        registerManufacturer("VOLTCELL");
        registerManufacturer("AEROSPACE-ONE");
        String own = commitment("VOLTCELL", "TERBIUM", "10", START, END, 30);
        String other = commitment("AEROSPACE-ONE", "TERBIUM", "10", START, END, 30);

        Api voltcell = as("MANUFACTURER");
        assertThat(voltcell.post("/api/v1/commitments/" + own + "/draws", Api.json("siteId", site, "quantityTonnes", 1))
                .status()).isEqualTo(201);
        Api.Response foreign = voltcell.post("/api/v1/commitments/" + other + "/draws",
                Api.json("siteId", site, "quantityTonnes", 1));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(voltcell.post("/api/v1/commitments/" + other + "/replenishments", Api.json("siteId", site,
                "quantityTonnes", 1, "unitCostUsd", 1, "supplier", "X", "originCountry", "US")).status()).isEqualTo(403);

        Api.Response mine = voltcell.get("/api/v1/views/commitments?minPosition=" + reserve.head());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("commitments")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("manufacturerId").asString()).isEqualTo("VOLTCELL"));
        assertThat(voltcell.get("/api/v1/views/commitments?manufacturerId=AEROSPACE-ONE").status()).isEqualTo(403);
        assertThat(voltcell.get("/api/v1/views/commitments/" + own).status()).isEqualTo(200);
        assertThat(voltcell.get("/api/v1/views/commitments/" + other).status()).isEqualTo(404);
        assertThat(as("AUDITOR").get("/api/v1/views/commitments/" + other).json().get("manufacturerId").asString())
                .isEqualTo("AEROSPACE-ONE");
        assertThat(as("AUDITOR").get("/api/v1/views/commitments?manufacturerId=AEROSPACE-ONE").json()
                .get("commitments")).isNotEmpty();
    }

    @Test
    void twoDrawsRacingForTheLastOfACommitmentsLimitCannotBothSucceed() throws Exception {
        String site = reserve.registerSite("NV", "1000");
        reserve.deposit(site, "SCANDIUM", "100", "5000", "CN");
        String commitment = commitment(manufacturer(), "SCANDIUM", "10", START, END, 30);

        List<Integer> statuses = Concurrently.race(() -> draw(commitment, site, "6", null).status(),
                () -> draw(commitment, site, "6", null).status());

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(commitmentView(commitment).get("outstandingDrawTonnes").decimalValue()).isEqualByComparingTo("6");
    }

    @Test
    void twoDrawsRacingForTheLastStockCannotBothSucceed() throws Exception {
        String site = reserve.registerSite("NV", "1000");
        reserve.deposit(site, "HAFNIUM", "10", "5000", "CN");
        String a = commitment(manufacturer(), "HAFNIUM", "10", START, END, 30);
        String b = commitment(manufacturer(), "HAFNIUM", "10", START, END, 30);

        List<Integer> statuses = Concurrently.race(() -> draw(a, site, "7", null).status(), () -> draw(b, site, "7", null).status());

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(reserve.siteMineral(site, "HAFNIUM").get("onHandTonnes").decimalValue()).isEqualByComparingTo("3");
    }

    @Test
    void concentrationGivesOriginSharesAndTheHerfindahlIndex() {
        String site = reserve.registerSite("NV", "1000");
        reserve.deposit(site, "ERBIUM", "60", "1000", "CN");
        reserve.deposit(site, "ERBIUM", "30", "1000", "MY");
        reserve.deposit(site, "ERBIUM", "10", "1000", "AU");

        Api.Response view = as("AUDITOR").get("/api/v1/views/concentration?minPosition=" + reserve.head());

        assertThat(view.status()).isEqualTo(200);
        JsonNode erbium = null;
        for (JsonNode mineral : view.json().get("minerals")) {
            if (mineral.get("mineral").asString().equals("ERBIUM")) {
                erbium = mineral;
            }
        }
        assertThat(erbium).isNotNull();
        // 60² + 30² + 10² in percentage points
        assertThat(erbium.get("hhi").decimalValue()).isEqualByComparingTo("4600");
        assertThat(erbium.get("topCountry").asString()).isEqualTo("CN");
        assertThat(erbium.get("topShare").decimalValue()).isEqualByComparingTo("0.6");
        assertThat(erbium.get("origins")).hasSize(3);
    }

    @Test
    void consumptionIsWhatWasDrawnInTheYearToTheBusinessDateAndCoverIsStockOverItsDailyAverage() throws Exception {
        String site = reserve.registerSite("NV", "1000");
        // Received before the first draw, which a draw dated 400 days ago may only take from stock held then.
        reserve.deposit(site, "TANTALUM", "200", "150000", "RW", TODAY.minusYears(2) + "T09:00:00Z");
        String commitment = commitment(manufacturer(), "TANTALUM", "100", TODAY.minusYears(2).toString(), END, 30);
        Api.Response longAgo = draw(commitment, site, "10", TODAY.minusDays(400).toString());
        assertThat(longAgo.status()).as(longAgo.toString()).isEqualTo(201);

        JsonNode before = mineral("TANTALUM");
        assertThat(before.get("onHandTonnes").decimalValue()).isEqualByComparingTo("190");
        assertThat(before.get("drawnLastYearTonnes").decimalValue()).as("a draw over a year old").isEqualByComparingTo("0");
        assertThat(before.get("daysOfCover").isNull()).as("no consumption known").isTrue();
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);

        Api.Response recent = draw(commitment, site, "20", TODAY.minusDays(10).toString());
        assertThat(recent.status()).as(recent.toString()).isEqualTo(201);
        JsonNode after = mineral("TANTALUM");
        assertThat(after.get("onHandTonnes").decimalValue()).isEqualByComparingTo("170");
        assertThat(after.get("drawnLastYearTonnes").decimalValue()).isEqualByComparingTo("20");
        // 170 t ÷ (20 t ÷ 365 days) = 3,102.5 days, in whole days.
        assertThat(after.get("daysOfCover").asLong()).isEqualTo(3102);

        JsonNode then = as("AUDITOR").get("/api/v1/views/inventory-by-mineral?asOf=" + between).json().get("minerals")
                .valueStream().filter(m -> m.get("mineral").asString().equals("TANTALUM")).findFirst().orElseThrow();
        assertThat(then).isEqualTo(before);
    }

    private String manufacturer() {
        String id = Reserve.newSiteId("M");
        registerManufacturer(id);
        return id;
    }

    private void registerManufacturer(String id) {
        Api.Response response = as("GOVERNANCE").post("/api/v1/manufacturers",
                Api.json("manufacturerId", id, "name", "Maker " + id));
        assertThat(response.status()).as(response.toString()).isIn(201, 409);
    }

    private String commitment(String manufacturer, String mineral, String tonnes, String start, String end, int days) {
        return reserve.commitment(manufacturer, mineral, tonnes, start, end, days);
    }

    private Api.Response draw(String commitment, String site, String tonnes, String drawnOn) {
        return reserve.draw(commitment, site, tonnes, drawnOn);
    }

    private JsonNode commitmentView(String commitment) {
        Api.Response response = as("AUDITOR").get("/api/v1/views/commitments?minPosition=" + reserve.head());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        for (JsonNode c : response.json().get("commitments")) {
            if (c.get("commitmentId").asString().equals(commitment)) {
                return c;
            }
        }
        throw new AssertionError("commitment " + commitment + " not in the view");
    }

    private JsonNode mineral(String code) {
        Api.Response response = as("AUDITOR").get("/api/v1/views/inventory-by-mineral?minPosition=" + reserve.head());
        for (JsonNode m : response.json().get("minerals")) {
            if (m.get("mineral").asString().equals(code)) {
                return m;
            }
        }
        throw new AssertionError(code + " not in the national view");
    }
}

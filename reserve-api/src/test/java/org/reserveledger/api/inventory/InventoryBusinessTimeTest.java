package org.reserveledger.api.inventory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.Reserve;
import org.reserveledger.api.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory views in business time, on a reserve of its own so that prices and national totals are the
 * scenario's alone. Two lithium lots reach Reno, part leaves, part moves to Houston, and prices change, all
 * recorded in an order other than their business dates. Every expected figure is worked out by hand below from
 * the scenario's inputs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InventoryBusinessTimeTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Reserve reserve;
    Api operator;
    Api auditor;
    String reno;
    String houston;
    String renoSecondLot;
    // The scenario below as recorded, before the corrections made in the reversal test.
    Instant recorded;
    long recordedHead;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, InventoryBusinessTimeTest.class);
    }

    @BeforeAll
    void scenario() throws Exception {
        reserve = new Reserve(new Api(port, null), jdbc);
        operator = new Api(port, null).as("OPERATOR");
        auditor = new Api(port, null).as("AUDITOR");
        Api governance = new Api(port, null).as("GOVERNANCE");
        reno = reserve.registerSite("NV", "1000");
        houston = reserve.registerSite("TX", "1000");

        // Prices, out of order: June's first, then January's; June's is then corrected; one takes effect later.
        ok(governance.put("/api/v1/reference-prices/LITHIUM", Api.json("pricePerTonneUsd", 12000, "effectiveFrom", "2026-06-01")));
        ok(governance.put("/api/v1/reference-prices/LITHIUM", Api.json("pricePerTonneUsd", 10000, "effectiveFrom", "2026-01-01")));
        ok(governance.put("/api/v1/reference-prices/LITHIUM", Api.json("pricePerTonneUsd", 12500, "effectiveFrom", "2026-06-01",
                "source", "corrected: the committee's June minute")));
        ok(governance.put("/api/v1/reference-prices/LITHIUM", Api.json("pricePerTonneUsd", 99999,
                "effectiveFrom", LocalDate.now().plusDays(30).toString())));

        // Recorded first, received second: 100 t from Chile on 10 March at USD 9 000.
        created(reserve.deposit(reno, "LITHIUM", "100", "9000", "CL", "2026-03-10T09:00:00Z"));
        // Recorded second, received first: 50 t from Argentina on 20 January at USD 9 500.
        JsonNode argentine = created(reserve.deposit(reno, "LITHIUM", "50", "9500", "AR", "2026-01-20T09:00:00Z"));
        // 30 t withdrawn on 15 April: first in, first out by receipt, so all from the Argentine lot (50 → 20).
        JsonNode april = created(withdraw(reno, "30", "2026-04-15T12:00:00Z"));
        assertThat(april.get("lots").get(0).get("lotId").asString()).isEqualTo(argentine.get("lotId").asString());
        // 40 t dispatched to Houston on 1 May: the Argentine 20, then 20 of the Chilean (100 → 80).
        JsonNode may = created(operator.post("/api/v1/transfers", Api.json("fromSiteId", reno, "toSiteId", houston,
                "mineral", "LITHIUM", "quantityTonnes", 40, "dispatchedAt", "2026-05-01T08:00:00Z")));
        ok(operator.post("/api/v1/transfers/" + may.get("transferId").asString() + "/receipt",
                Api.json("receivedAt", "2026-05-05T16:00:00Z")));
        renoSecondLot = april.get("withdrawalId").asString();

        recordedHead = reserve.head();
        Thread.sleep(5);
        recorded = Instant.now();
        Thread.sleep(5);
    }

    @Test
    void inventoryBySiteOnFiveDatesEqualsTheLedgerWorkedOutByHand() {
        // 31 January: the Argentine lot only, 50 t at 9 500 = 475 000; January's price 10 000 → 500 000.
        assertSite("2026-01-31", reno, "50.000", "0.000", 1, "475000.00", "500000.00");
        assertNoLithium("2026-01-31", houston);
        // 31 March: both lots, 150 t; book 475 000 + 100 × 9 000 = 1 375 000; at 10 000 → 1 500 000.
        assertSite("2026-03-31", reno, "150.000", "0.000", 2, "1375000.00", "1500000.00");
        // 30 April: 20 Argentine + 100 Chilean = 120 t; book 20 × 9 500 + 900 000 = 1 090 000; → 1 200 000.
        assertSite("2026-04-30", reno, "120.000", "0.000", 2, "1090000.00", "1200000.00");
        // 2 May: Reno 80 Chilean (720 000; → 800 000); Houston 40 in transit: 20 × 9 500 + 20 × 9 000 = 370 000.
        assertSite("2026-05-02", reno, "80.000", "0.000", 1, "720000.00", "800000.00");
        assertSite("2026-05-02", houston, "0.000", "40.000", 0, "370000.00", "400000.00");
        // 30 June: Houston received on 5 May; the corrected June price 12 500 values both sites.
        assertSite("2026-06-30", reno, "80.000", "0.000", 1, "720000.00", "1000000.00");
        assertSite("2026-06-30", houston, "40.000", "0.000", 2, "370000.00", "500000.00");
        // Today: the same stock; the price effective in thirty days values nothing yet.
        assertSite(LocalDate.now().toString(), houston, "40.000", "0.000", 2, "370000.00", "500000.00");
    }

    @Test
    void aBackDatedWithdrawalMovesTheDayALotRanOut() {
        // One 10 t nickel lot at a site of its own, received 1 February at USD 16 000. Recorded first: 4 t taken on
        // 1 June (10 → 6). Recorded second, dated before it: 6 t taken on 1 March. So the lot holds 4 t from
        // 1 March and runs out on 1 June, not on 1 March, when the later-recorded withdrawal took its last 6 t.
        String casper = reserve.registerSite("WY", "1000");
        created(reserve.deposit(casper, "NICKEL", "10", "16000", "CA", "2026-02-01T09:00:00Z"));
        created(operator.post("/api/v1/sites/" + casper + "/withdrawals", Api.json("mineral", "NICKEL",
                "quantityTonnes", 4, "reason", "ROTATION", "withdrawnAt", "2026-06-01T12:00:00Z")));
        created(operator.post("/api/v1/sites/" + casper + "/withdrawals", Api.json("mineral", "NICKEL",
                "quantityTonnes", 6, "reason", "ROTATION", "withdrawnAt", "2026-03-01T12:00:00Z")));
        // 28 February: 10 t, book 160 000. 31 March and 31 May: 4 t, 64 000, still one lot. 30 June: nothing left.
        assertNickel("2026-02-28", casper, "10.000", 1, "160000.00");
        assertNickel("2026-03-31", casper, "4.000", 1, "64000.00");
        assertNickel("2026-05-31", casper, "4.000", 1, "64000.00");
        assertThat(mineralAt("/api/v1/views/inventory-by-site?valueDate=2026-06-30", casper, "NICKEL")).isNull();
    }

    private void assertNickel(String valueDate, String site, String onHand, int lots, String book) {
        JsonNode row = mineralAt("/api/v1/views/inventory-by-site?valueDate=" + valueDate, site, "NICKEL");
        assertThat(row).as("NICKEL at %s on %s", site, valueDate).isNotNull();
        assertThat(row.get("onHandTonnes").decimalValue()).as("on hand on %s", valueDate).isEqualByComparingTo(onHand);
        assertThat(row.get("lotCount").asInt()).as("lots on %s", valueDate).isEqualTo(lots);
        assertThat(row.get("bookValueUsd").decimalValue()).as("book on %s", valueDate).isEqualByComparingTo(book);
    }

    @Test
    void theNationalPositionOnFiveDatesIsTheSumOverSitesWorkedOutByHand() {
        // The figures of the site test above, added over Reno and Houston.
        assertNational("2026-01-31", "50.000", "0.000", "475000.00", "500000.00");
        assertNational("2026-03-31", "150.000", "0.000", "1375000.00", "1500000.00");
        assertNational("2026-04-30", "120.000", "0.000", "1090000.00", "1200000.00");
        // 2 May: 80 t on hand at Reno and 40 t in transit: book 720 000 + 370 000, at 10 000 → 1 200 000.
        assertNational("2026-05-02", "80.000", "40.000", "1090000.00", "1200000.00");
        // 30 June: 120 t on hand at the corrected 12 500 → 1 500 000.
        assertNational("2026-06-30", "120.000", "0.000", "1090000.00", "1500000.00");
    }

    @Test
    void concentrationOnFiveDatesFollowsTheLotsHeldThen() {
        // 31 January: all Argentine, an index of 10 000.
        assertConcentration("2026-01-31", "AR", "1.0000", "10000.00");
        // 31 March: 100 t CL and 50 t AR of 150: shares 2/3 and 1/3, index (4/9 + 1/9) × 10 000 = 5 555.56.
        assertConcentration("2026-03-31", "CL", "0.6667", "5555.56");
        // 30 April: 100 t CL and 20 t AR of 120: shares 5/6 and 1/6, index (25/36 + 1/36) × 10 000 = 7 222.22.
        assertConcentration("2026-04-30", "CL", "0.8333", "7222.22");
        // 2 May: the same lots, 40 t of them in transit to Houston, still count.
        assertConcentration("2026-05-02", "CL", "0.8333", "7222.22");
        assertConcentration("2026-06-30", "CL", "0.8333", "7222.22");
    }

    private void assertNational(String valueDate, String onHand, String inTransit, String book, String reference) {
        JsonNode lithium = mineral(valueDate);
        Map.of("onHandTonnes", onHand, "inTransitTonnes", inTransit, "bookValueUsd", book, "referenceValueUsd", reference,
                        "committedTonnes", "0", "outstandingDrawTonnes", "0")
                .forEach((field, value) -> assertThat(lithium.get(field).decimalValue())
                        .as("%s on %s", field, valueDate).isEqualByComparingTo(value));
    }

    private void assertConcentration(String valueDate, String topCountry, String topShare, String hhi) {
        JsonNode lithium = concentration(valueDate);
        assertThat(lithium.get("topCountry").asString()).as(valueDate).isEqualTo(topCountry);
        assertThat(lithium.get("topShare").decimalValue()).as(valueDate).isEqualByComparingTo(topShare);
        assertThat(lithium.get("hhi").decimalValue()).as(valueDate).isEqualByComparingTo(hhi);
    }

    @Test
    void pricesAnswerByEffectiveDateAndKeepTheirHistory() {
        JsonNode march = auditor.get("/api/v1/reference-prices?valueDate=2026-03-31&minPosition=" + reserve.head()).json().get("items");
        assertThat(march).hasSize(1);
        assertThat(march.get(0).get("pricePerTonneUsd").decimalValue()).isEqualByComparingTo("10000");
        assertThat(march.get(0).get("effectiveFrom").asString()).isEqualTo("2026-01-01");
        JsonNode today = auditor.get("/api/v1/reference-prices").json().get("items");
        assertThat(today.get(0).get("pricePerTonneUsd").decimalValue()).isEqualByComparingTo("12500");
        assertThat(today.get(0).get("source").asString()).isEqualTo("corrected: the committee's June minute");

        JsonNode history = auditor.get("/api/v1/reference-prices/LITHIUM").json().get("items");
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("effectiveFrom").asString()).isEqualTo("2026-01-01");
        assertThat(history.get(1).get("pricePerTonneUsd").decimalValue()).isEqualByComparingTo("12500");
        assertThat(history.get(2).get("pricePerTonneUsd").decimalValue()).isEqualByComparingTo("99999");
        assertThat(auditor.get("/api/v1/reference-prices/UNOBTAINIUM").status()).isEqualTo(400);
    }

    @Test
    void backDatedMovementsThatWouldBreakTheBooksAreRefusedAndAppendNothing() {
        long before = eventCount();
        // 1 February: the Argentine lot was held (50 t) but is all gone by 1 May, and the Chilean had not arrived.
        refused(withdraw(reno, "1", "2026-02-01T00:00:00Z"), "insufficient-stock");
        // 10 January: nothing had been received yet.
        refused(withdraw(reno, "1", "2026-01-10T00:00:00Z"), "insufficient-stock");
        // 15 March: the Chilean lot could spare 80 t then and after; 81 would leave it short after May's dispatch.
        refused(withdraw(reno, "81", "2026-03-15T00:00:00Z"), "insufficient-stock");
        // Houston could not dispatch on 3 May what it received on 5 May.
        refused(operator.post("/api/v1/transfers", Api.json("fromSiteId", houston, "toSiteId", reno, "mineral", "LITHIUM",
                "quantityTonnes", 1, "dispatchedAt", "2026-05-03T00:00:00Z")), "insufficient-stock");
        Api.Response future = withdraw(reno, "1", Instant.now().plusSeconds(86_400).toString());
        assertThat(future.status()).as(future.toString()).isEqualTo(400);
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("withdrawnAt");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void collateralAtAPastValueDateUsesThatDatesStockAndPrices() {
        Api treasury = new Api(port, null).as("TREASURY");
        assertThat(treasury.post("/api/v1/financing/facilities", Api.json("facilityId", "EXIM-BT", "lender", "EXIM",
                "limitUsd", 5000000, "annualInterestRatePct", 4.5, "dayCount", "ACT_360", "maturityDate", "2040-12-31"))
                .status()).isEqualTo(201);
        assertThat(treasury.post("/api/v1/financing/facilities/EXIM-BT/drawdowns", Api.json("amountUsd", 1000000,
                "valueDate", "2026-01-15", "purpose", "lithium")).status()).isEqualTo(201);
        // 31 January: 50 t at 10 000 = 500 000 against 1 000 000 drawn → 0.5. 31 March: 1 500 000 → 1.5.
        // 30 June: Reno 80 t + Houston 40 t at the corrected 12 500 = 1 500 000 → 1.5.
        assertCollateral("2026-01-31", "500000.00", "0.5");
        assertCollateral("2026-03-31", "1500000.00", "1.5");
        assertCollateral("2026-06-30", "1500000.00", "1.5");
    }

    private BigDecimal procurement(String valueDate) {
        Api.Response response = auditor.get("/api/v1/views/financing?valueDate=" + valueDate + "&minPosition=" + reserve.head());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("sourcesAndUses").get("procurementUsd").decimalValue();
    }

    private void assertCollateral(String valueDate, String inventoryValue, String coverage) {
        Api.Response response = auditor.get("/api/v1/views/financing?valueDate=" + valueDate + "&minPosition=" + reserve.head());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode collateral = response.json().get("collateral");
        assertThat(collateral.get("inventoryReferenceValueUsd").decimalValue()).as(valueDate).isEqualByComparingTo(inventoryValue);
        assertThat(collateral.get("loanOutstandingUsd").decimalValue()).as(valueDate).isEqualByComparingTo("1000000.00");
        assertThat(collateral.get("coverageRatio").decimalValue()).as(valueDate).isEqualByComparingTo(coverage);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void reversalsCorrectTheBooksOnTheOriginalDatesAndKeepTheRecordedPast() {
        // A 5 t deposit on 1 July keyed in error, then reversed: gone from every value date.
        JsonNode wrong = created(reserve.deposit(reno, "LITHIUM", "5", "9000", "CL", "2026-07-01T09:00:00Z"));
        Instant beforeReversals = Instant.now();
        assertSite("2026-07-31", reno, "85.000", "0.000", 2, "765000.00", "1062500.00");
        BigDecimal julyProcurement = procurement("2026-07-31");
        BigDecimal juneProcurement = procurement("2026-06-30");
        ok(operator.post("/api/v1/sites/" + reno + "/deposits/" + wrong.get("depositId").asString() + "/reversal",
                Api.json("reason", "keyed twice from one delivery note")));
        assertSite("2026-07-31", reno, "80.000", "0.000", 1, "720000.00", "1000000.00");
        // Nor was it ever bought: 5 t × USD 9 000 = 45 000 less procurement from 1 July on, none before.
        assertThat(julyProcurement.subtract(procurement("2026-07-31"))).isEqualByComparingTo("45000.00");
        assertThat(procurement("2026-06-30")).isEqualByComparingTo(juneProcurement);

        // The 15 April withdrawal reversed: 30 t of the Argentine lot are back from 15 April on.
        // 30 April: 50 + 100 = 150 t, book 475 000 + 900 000. 2 May: 30 Argentine + 80 Chilean = 110 t,
        // book 285 000 + 720 000 = 1 005 000, at 10 000 → 1 100 000.
        ok(operator.post("/api/v1/sites/" + reno + "/withdrawals/" + renoSecondLot + "/reversal",
                Api.json("reason", "the rotation was cancelled before loading")));
        assertSite("2026-04-30", reno, "150.000", "0.000", 2, "1375000.00", "1500000.00");
        assertSite("2026-05-02", reno, "110.000", "0.000", 2, "1005000.00", "1100000.00");

        // As recorded before the corrections, the April books still show 120 t; both axes combine.
        JsonNode asRecorded = view("/api/v1/views/inventory-by-site?valueDate=2026-04-30&asOf=" + recorded, reno);
        assertThat(asRecorded.get("onHandTonnes").decimalValue()).isEqualByComparingTo("120");
        JsonNode julyAsRecorded = view("/api/v1/views/inventory-by-site?valueDate=2026-07-31&asOf=" + beforeReversals, reno);
        assertThat(julyAsRecorded.get("onHandTonnes").decimalValue()).isEqualByComparingTo("85");

        // Each refusal appends nothing: a second reversal of each, and an unknown deposit.
        long before = eventCount();
        refused(operator.post("/api/v1/sites/" + reno + "/deposits/" + wrong.get("depositId").asString() + "/reversal",
                Api.json("reason", "again")), "already-reversed");
        refused(operator.post("/api/v1/sites/" + reno + "/withdrawals/" + renoSecondLot + "/reversal",
                Api.json("reason", "again")), "already-reversed");
        Api.Response unknown = operator.post("/api/v1/sites/" + reno + "/deposits/" + java.util.UUID.randomUUID()
                + "/reversal", Api.json("reason", "no such deposit"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(eventCount()).isEqualTo(before);

        // The audit log shows the originals and the reversals with their reasons, and the chain verifies.
        JsonNode events = auditor.get("/api/v1/audit/events?afterPosition=0&limit=1000").json().get("events");
        long reversals = 0;
        for (JsonNode event : events) {
            String type = event.get("type").asString();
            if (type.endsWith("Reversed")) {
                reversals++;
                assertThat(event.get("payload").get("reason").asString()).isNotBlank();
                assertThat(event.get("actor").asString()).isNotBlank();
            }
        }
        assertThat(reversals).isEqualTo(2);
        assertThat(auditor.get("/api/v1/audit/verify").json().get("ok").asBoolean()).isTrue();
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void theDaysKeptBatchByBatchAreTheDaysWorkedOutFromTheWholeLedger() throws Exception {
        // Once the projection has every event: what it added to each day as the events came, out of business order
        // and with reversals, equals what the migration that introduced the days works out from the ledger at once.
        auditor.get("/api/v1/views/inventory-by-site?minPosition=" + reserve.head());
        String migration = new String(getClass().getResourceAsStream("/db/migration/V21__inventory_position_by_day.sql")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String fromLedger = migration.substring(migration.indexOf("with lot_day"), migration.indexOf(';',
                migration.indexOf("with lot_day")));
        String columns = "day, site_id, mineral, origin_country, on_hand_tonnes, in_transit_tonnes, book_usd, lots_on_hand";
        String kept = "select " + columns + " from inventory_position_day";
        String worked = "select * from (" + fromLedger + ") as worked (" + columns + ")";
        String nonZero = " where on_hand_tonnes <> 0 or in_transit_tonnes <> 0 or book_usd <> 0 or lots_on_hand <> 0";
        assertThat(jdbc.sql("select count(*) from (" + kept + nonZero + ") k").query(Long.class).single())
                .as("days with a change").isGreaterThan(5);
        assertThat(jdbc.sql("(" + kept + nonZero + ") except (" + worked + nonZero + ")").query().listOfRows())
                .as("days kept but not worked out").isEmpty();
        assertThat(jdbc.sql("(" + worked + nonZero + ") except (" + kept + nonZero + ")").query().listOfRows())
                .as("days worked out but not kept").isEmpty();
        // And all the days together are the positions now.
        assertThat(jdbc.sql("""
                (select site_id, mineral, origin_country, sum(on_hand_tonnes), sum(in_transit_tonnes), sum(book_usd),
                        sum(lots_on_hand)::int
                 from inventory_position_day group by 1, 2, 3 having sum(on_hand_tonnes) <> 0 or sum(in_transit_tonnes) <> 0)
                except
                (select site_id, mineral, origin_country, on_hand_tonnes, in_transit_tonnes, book_usd, lots_on_hand
                 from inventory_position where on_hand_tonnes <> 0 or in_transit_tonnes <> 0)
                """).query().listOfRows()).isEmpty();
    }

    private Api.Response withdraw(String site, String tonnes, String withdrawnAt) {
        return operator.post("/api/v1/sites/" + site + "/withdrawals", Api.json("mineral", "LITHIUM",
                "quantityTonnes", new BigDecimal(tonnes), "reason", "ROTATION", "withdrawnAt", withdrawnAt));
    }

    private void assertSite(String valueDate, String site, String onHand, String inTransit, int lots, String book,
                            String reference) {
        JsonNode row = view("/api/v1/views/inventory-by-site?valueDate=" + valueDate, site);
        assertThat(row).as("LITHIUM at %s on %s", site, valueDate).isNotNull();
        Map<String, String> expected = Map.of("onHandTonnes", onHand, "inTransitTonnes", inTransit,
                "bookValueUsd", book, "referenceValueUsd", reference);
        expected.forEach((field, value) -> assertThat(row.get(field).decimalValue())
                .as("%s of %s on %s", field, site, valueDate).isEqualByComparingTo(value));
        assertThat(row.get("lotCount").asInt()).as("lots at %s on %s", site, valueDate).isEqualTo(lots);
    }

    private void assertNoLithium(String valueDate, String site) {
        assertThat(view("/api/v1/views/inventory-by-site?valueDate=" + valueDate, site)).isNull();
    }

    private JsonNode view(String path, String site) {
        return mineralAt(path, site, "LITHIUM");
    }

    private JsonNode mineralAt(String path, String site, String code) {
        Api.Response response = auditor.get(path + "&minPosition=" + reserve.head());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        for (JsonNode s : response.json().get("sites")) {
            if (s.get("siteId").asString().equals(site)) {
                for (JsonNode mineral : s.get("minerals")) {
                    if (mineral.get("mineral").asString().equals(code)) {
                        return mineral;
                    }
                }
                return null;
            }
        }
        throw new AssertionError("no site " + site + " in " + response.body());
    }

    private JsonNode mineral(String valueDate) {
        Api.Response response = auditor.get("/api/v1/views/inventory-by-mineral?valueDate=" + valueDate
                + "&minPosition=" + reserve.head());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        for (JsonNode mineral : response.json().get("minerals")) {
            if (mineral.get("mineral").asString().equals("LITHIUM")) {
                return mineral;
            }
        }
        throw new AssertionError("no lithium in " + response.body());
    }

    private JsonNode concentration(String valueDate) {
        Api.Response response = auditor.get("/api/v1/views/concentration?valueDate=" + valueDate
                + "&minPosition=" + reserve.head());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("minerals").get(0);
    }

    private long eventCount() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    private static JsonNode created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static void refused(Api.Response response, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
    }
}

package org.reserveledger.api.web;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.Reserve;
import org.reserveledger.api.support.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each field of a command obeys its own limit (at most 1e9 t, at most USD 1e13), yet their products
 * reach USD 1e22, which no read model was sized for: once such an event was appended, the projections
 * stopped at it for good. Products beyond the ledger's bound of USD 1e15, terms beyond 50 years and
 * dates outside 1900–2200 are refused with a 400 problem naming the field and the bound, before
 * anything is appended; figures right at the bound are recorded and every view keeps answering.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerBoundsTest {

    private static final String MAX_QUANTITY = "1e9";
    private static final String MAX_MONEY = "1e13";
    /** USD 1e15 as the refusals print it. */
    private static final String BOUND = "1000000000000000";
    private static final String DATE_RANGE = "between 1900-01-01 and 2200-12-31";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Reserve reserve;
    private String site;
    private String commitment;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        // The fee run charges every commitment in the database; these must be the only ones.
        TestDatabase.useOwn(registry, LedgerBoundsTest.class);
    }

    @BeforeAll
    void aSiteWithStockAndACommitmentWithAnOutstandingDraw() {
        reserve = new Reserve(new Api(port, null), jdbc);
        site = reserve.registerSite("NV", MAX_QUANTITY);
        // 1e9 t at USD 1e6 is worth exactly the bound: accepted.
        assertThat(reserve.deposit(site, "LITHIUM", MAX_QUANTITY, "1000000", "CL").status()).isEqualTo(201);
        manufacturer("VOLTCELL");
        commitment = makeCommitment("VOLTCELL", MAX_QUANTITY, "1000000", firstOfMonthsAgo(2), "2040-01-01", "1000000");
        Api.Response draw = api("OPERATOR").post("/api/v1/commitments/" + commitment + "/draws",
                "{\"siteId\":\"" + site + "\",\"quantityTonnes\":1e9}");
        assertThat(draw.status()).as(draw.toString()).isEqualTo(201);
    }

    /** A command whose every field is within its limit, but whose product or date is not. */
    record Case(String name, String role, String method, String path, String body, String field, String bound) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Case> beyondTheBounds() {
        String deposits = "/api/v1/sites/$SITE/deposits";
        String replenishments = "/api/v1/commitments/$COMMITMENT/replenishments";
        return Stream.of(
                // A lot's value: quantity × unit cost.
                deposit("deposit of 1e9 t at USD 1e13 a tonne (USD 1e22)", MAX_QUANTITY, MAX_MONEY),
                deposit("deposit of 1e9 t at USD 1e7 a tonne (USD 1e16)", MAX_QUANTITY, "1e7"),
                deposit("deposit of 1e9 t at USD 1 000 000.01 a tonne (a cent a tonne over)", MAX_QUANTITY, "1000000.01"),
                deposit("deposit of 100 000 t at USD 1e13 a tonne (USD 1e18)", "100000", MAX_MONEY),
                deposit("deposit of 100.001 t at USD 1e13 a tonne (a kilogram over)", "100.001", MAX_MONEY),
                // A replenishment's lot: quantity × unit cost, against an outstanding draw of 1e9 t.
                new Case("replenishment of 1e9 t at USD 1e13 a tonne", "OPERATOR", "POST", replenishments,
                        replenishment(MAX_QUANTITY, MAX_MONEY), "unitCostUsd", BOUND),
                new Case("replenishment of 1e9 t at USD 1e7 a tonne", "OPERATOR", "POST", replenishments,
                        replenishment(MAX_QUANTITY, "1e7"), "unitCostUsd", BOUND),
                new Case("replenishment by the manufacturer of 1000 t at USD 1e13 a tonne", "MANUFACTURER", "POST",
                        replenishments, replenishment("1000", MAX_MONEY), "unitCostUsd", BOUND),
                // A commitment's value (quantity × price), its monthly storage fee (quantity × rate) and its term.
                commitment("commitment of 1e9 t at USD 1e13 with a fee of USD 1e13 a tonne-month",
                        MAX_QUANTITY, MAX_MONEY, MAX_MONEY, "2027-01-01", "2028-01-01", "pricePerTonneUsd"),
                commitment("commitment of 1e9 t at USD 1e7", MAX_QUANTITY, "1e7", "0", "2027-01-01", "2028-01-01",
                        "pricePerTonneUsd"),
                commitment("commitment of 1000 t at USD 1e13", "1000", MAX_MONEY, "0", "2027-01-01", "2028-01-01",
                        "pricePerTonneUsd"),
                commitment("commitment of 100.001 t at USD 1e13", "100.001", MAX_MONEY, "0", "2027-01-01", "2028-01-01",
                        "pricePerTonneUsd"),
                commitment("commitment of 1e9 t with a fee of USD 1e13 a tonne-month", MAX_QUANTITY, "1", MAX_MONEY,
                        "2027-01-01", "2028-01-01", "storageFeePerTonneMonthUsd"),
                commitment("commitment of 1e9 t with a fee of USD 1 000 000.01 a tonne-month", MAX_QUANTITY, "1",
                        "1000000.01", "2027-01-01", "2028-01-01", "storageFeePerTonneMonthUsd"),
                commitment("commitment of 100.001 t with a fee of USD 1e13 a tonne-month", "100.001", "1", MAX_MONEY,
                        "2027-01-01", "2028-01-01", "storageFeePerTonneMonthUsd"),
                new Case("commitment from 1900-01-01 to 2200-12-31 (301 years)", "GOVERNANCE", "POST",
                        "/api/v1/commitments", commitmentBody("1", "1", "0", "1900-01-01", "2200-12-31"), "endDate", "50 years"),
                new Case("commitment from 2026-01-01 to 2076-01-02 (a day over 50 years)", "GOVERNANCE", "POST",
                        "/api/v1/commitments", commitmentBody("1", "1", "0", "2026-01-01", "2076-01-02"), "endDate", "50 years"),
                // Dates and instants the books do not mean, which also overflowed the stores' timestamps.
                new Case("deposit received at -999999999-01-01T00:00:00Z", "OPERATOR", "POST", deposits,
                        depositBody("1", "1", "\"-999999999-01-01T00:00:00Z\""), "receivedAt", DATE_RANGE),
                new Case("deposit received at +999999999-12-31T23:59:59Z", "OPERATOR", "POST", deposits,
                        depositBody("1", "1", "\"+999999999-12-31T23:59:59Z\""), "receivedAt", DATE_RANGE),
                new Case("deposit received a second before 1900", "OPERATOR", "POST", deposits,
                        depositBody("1", "1", "\"1899-12-31T23:59:59Z\""), "receivedAt", DATE_RANGE),
                new Case("commitment from 0001-01-01 to +999999999-12-31", "GOVERNANCE", "POST", "/api/v1/commitments",
                        commitmentBody("1", "1", "1", "0001-01-01", "+999999999-12-31"), "startDate", DATE_RANGE),
                new Case("draw on 0001-01-01", "OPERATOR", "POST", "/api/v1/commitments/$COMMITMENT/draws",
                        "{\"siteId\":\"$SITE\",\"quantityTonnes\":1,\"drawnOn\":\"0001-01-01\"}", "drawnOn", DATE_RANGE),
                new Case("reference price effective from 1899-12-31", "GOVERNANCE", "PUT",
                        "/api/v1/reference-prices/LITHIUM", "{\"pricePerTonneUsd\":1,\"effectiveFrom\":\"1899-12-31\"}",
                        "effectiveFrom", DATE_RANGE),
                new Case("facility maturing on +999999999-12-31", "TREASURY", "POST", "/api/v1/financing/facilities",
                        """
                        {"facilityId":"EXIM-FAR","lender":"EXIM","limitUsd":1e13,"annualInterestRatePct":100,
                         "maturityDate":"+999999999-12-31"}""", "maturityDate", DATE_RANGE),
                new Case("capital call due on 2201-01-01", "TREASURY", "POST", "/api/v1/financing/capital-calls",
                        "{\"amountUsd\":1,\"dueDate\":\"2201-01-01\"}", "dueDate", DATE_RANGE),
                new Case("storage fee run through 0001-01-01", "ADMIN", "POST",
                        "/api/v1/admin/storage-fees/run?through=0001-01-01", null, "through", DATE_RANGE),
                new Case("audit head as of -999999999-01-01T00:00:00Z", "AUDITOR", "GET",
                        "/api/v1/audit/head?asOf=-999999999-01-01T00:00:00Z", null, "asOf", DATE_RANGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("beyondTheBounds")
    void isRefusedWithAProblemNamingTheFieldAndTheBoundAndAppendsNothing(Case refused) {
        long before = reserve.head();

        Api.Response response = api(refused.role()).send(refused.method(), resolve(refused.path()),
                refused.body() == null ? null : "application/json", resolve(refused.body()));

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(response.status()).as(response.toString()).isEqualTo(400);
        softly.assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        if (response.header("Content-Type") != null && response.header("Content-Type").startsWith("application/problem+json")) {
            JsonNode errors = response.json().get("errors");
            softly.assertThat(errors).as(response.toString()).isNotNull();
            if (errors != null) {
                softly.assertThat(errors.valueStream().filter(e -> e.get("field").asString().equals(refused.field()))
                                .map(e -> e.get("message").asString()))
                        .as(response.toString()).singleElement().asString().contains(refused.bound());
            }
        }
        softly.assertThat(reserve.head()).as("events appended by " + refused).isEqualTo(before);
        softly.assertAll();
    }

    @Test
    void figuresRightAtTheBoundAreRecordedAndEveryViewKeepsAnswering() {
        // Two more sites full to their capacity of 1e9 t at USD 1e6 a tonne: each lot worth exactly USD 1e15.
        String second = reserve.registerSite("TX", MAX_QUANTITY);
        String third = reserve.registerSite("AZ", MAX_QUANTITY);
        assertThat(reserve.deposit(second, "LITHIUM", MAX_QUANTITY, "1000000", "AU").status()).isEqualTo(201);
        assertThat(reserve.deposit(third, "LITHIUM", MAX_QUANTITY, "1000000", "AR").status()).isEqualTo(201);
        // The commitment of 1e9 t at a storage fee of USD 1e6 a tonne-month, started on the first day of the
        // month two months ago, owes two whole months of USD 1e15 each once the month before this one has ended.
        YearMonth lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        Api.Response run = api("ADMIN").post("/api/v1/admin/storage-fees/run?through=" + lastMonth.atEndOfMonth(), null);
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().get("monthsCharged").asInt()).isEqualTo(2);
        long head = reserve.head();

        BigDecimal lot = new BigDecimal("1e9").multiply(new BigDecimal("1e6"));
        JsonNode lithium = view("/api/v1/views/inventory-by-mineral", head).get("minerals").valueStream()
                .filter(m -> m.get("mineral").asString().equals("LITHIUM")).findFirst().orElseThrow();
        // Three lots deposited, one of them drawn whole by the manufacturer.
        assertThat(lithium.get("bookValueUsd").decimalValue()).isEqualByComparingTo(lot.multiply(BigDecimal.TWO));
        assertThat(lithium.get("outstandingDrawTonnes").decimalValue()).isEqualByComparingTo("1e9");

        JsonNode charged = view("/api/v1/views/commitments", head).get("commitments").get(0);
        assertThat(charged.get("storageFeesChargedUsd").decimalValue()).isEqualByComparingTo(lot.multiply(BigDecimal.TWO));

        JsonNode financing = view("/api/v1/views/financing", head);
        assertThat(financing.get("sourcesAndUses").get("procurementUsd").decimalValue())
                .isEqualByComparingTo(lot.multiply(BigDecimal.valueOf(3)));
        assertThat(financing.get("manufacturerFees").get("storageUsd").decimalValue())
                .isEqualByComparingTo(lot.multiply(BigDecimal.TWO));
        assertThat(view("/api/v1/views/inventory-by-site", head).get("sites")).hasSize(3);
        assertThat(view("/api/v1/views/concentration", head).get("minerals")).isNotEmpty();
    }

    private JsonNode view(String path, long minPosition) {
        Api.Response response = api("AUDITOR").get(path + "?minPosition=" + minPosition);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static Case deposit(String name, String tonnes, String unitCost) {
        return new Case(name, "OPERATOR", "POST", "/api/v1/sites/$SITE/deposits", depositBody(tonnes, unitCost, null),
                "unitCostUsd", BOUND);
    }

    private static String depositBody(String tonnes, String unitCost, String receivedAt) {
        return """
                {"mineral":"COBALT","form":"hydroxide","quantityTonnes":%s,"unitCostUsd":%s,"supplier":"Trader",
                 "originCountry":"CD","fundingSource":"EXIM_LOAN"%s}"""
                .formatted(tonnes, unitCost, receivedAt == null ? "" : ",\"receivedAt\":" + receivedAt);
    }

    private static String replenishment(String tonnes, String unitCost) {
        return """
                {"siteId":"$SITE","quantityTonnes":%s,"unitCostUsd":%s,"supplier":"VoltCell","originCountry":"US"}"""
                .formatted(tonnes, unitCost);
    }

    private static Case commitment(String name, String tonnes, String price, String storageFee, String start, String end,
                                   String field) {
        return new Case(name, "GOVERNANCE", "POST", "/api/v1/commitments",
                commitmentBody(tonnes, price, storageFee, start, end), field, BOUND);
    }

    private static String commitmentBody(String tonnes, String price, String storageFee, String start, String end) {
        return """
                {"manufacturerId":"VOLTCELL","mineral":"LITHIUM","quantityTonnes":%s,"pricePerTonneUsd":%s,
                 "startDate":"%s","endDate":"%s","upfrontFeeUsd":1e13,"storageFeePerTonneMonthUsd":%s,
                 "replenishWithinDays":3650}""".formatted(tonnes, price, start, end, storageFee);
    }

    private void manufacturer(String id) {
        Api.Response response = api("GOVERNANCE").post("/api/v1/manufacturers",
                "{\"manufacturerId\":\"" + id + "\",\"name\":\"VoltCell Batteries\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private String makeCommitment(String manufacturer, String tonnes, String price, LocalDate start, String end,
                                  String storageFee) {
        Api.Response response = api("GOVERNANCE").post("/api/v1/commitments", """
                {"manufacturerId":"%s","mineral":"LITHIUM","quantityTonnes":%s,"pricePerTonneUsd":%s,
                 "startDate":"%s","endDate":"%s","upfrontFeeUsd":0,"storageFeePerTonneMonthUsd":%s,
                 "replenishWithinDays":3650}""".formatted(manufacturer, tonnes, price, start, end, storageFee));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("commitmentId").asString();
    }

    private static LocalDate firstOfMonthsAgo(int months) {
        return YearMonth.now(ZoneOffset.UTC).minusMonths(months).atDay(1);
    }

    private String resolve(String text) {
        return text == null ? null : text.replace("$SITE", site).replace("$COMMITMENT", commitment);
    }

    private Api api(String role) {
        return new Api(port, null).as(role);
    }
}

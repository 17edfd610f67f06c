package org.reserveledger.api.financing;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;
import org.reserveledger.api.support.Concurrently;
import org.reserveledger.api.support.Reserve;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Financing through HTTP and the financing view. Every facility and investor here has an id of its
 * own; private capital and the reserve's totals are shared with every test in this database, so
 * those are checked as changes made by the test, or as relations, and exact pro-rata cases are in
 * the domain tests.
 */
class FinancingApiTest extends ApiIntegrationTest {

    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** A business date after every flow these tests make, for before-and-after comparisons. */
    private static final String LATER = "2030-12-31";

    @Test
    void interestIsSimpleDailyActual360AndRepaymentsPayItFirst() {
        String facility = facility("100000000.00", "4.5", "2040-12-31");
        Api.Response drawn = drawdown(facility, "100000000.00", "2026-01-01");
        assertThat(drawn.status()).as(drawn.toString()).isEqualTo(201);
        assertThat(UUID.fromString(json(drawn).get("drawdownId").asString())).isNotNull();
        assertThat(drawn.header("Location")).isEqualTo("/api/v1/financing/facilities/" + facility + "/drawdowns/"
                + json(drawn).get("drawdownId").asString());

        JsonNode onMarch1 = facilityView(facility, "2026-03-01");
        // 100,000,000 × 4.5 % × 59 / 360
        assertThat(onMarch1.get("interestAccruedUsd").decimalValue()).isEqualTo("737500.00");
        assertThat(onMarch1.get("principalOutstandingUsd").decimalValue()).isEqualTo("100000000.00");
        assertThat(onMarch1.get("drawnUsd").decimalValue()).isEqualTo("100000000.00");
        assertThat(onMarch1.get("undrawnUsd").decimalValue()).isEqualTo("0.00");
        assertThat(onMarch1.get("interestPaidUsd").decimalValue()).isEqualTo("0.00");

        Api.Response repaid = repay(facility, "1000000.00", "2026-03-01");
        assertThat(repaid.status()).as(repaid.toString()).isEqualTo(201);
        assertThat(UUID.fromString(json(repaid).get("repaymentId").asString())).isNotNull();
        assertThat(json(repaid).get("interestPaidUsd").decimalValue()).isEqualTo("737500.00");
        assertThat(json(repaid).get("principalPaidUsd").decimalValue()).isEqualTo("262500.00");
        assertThat(repaid.position()).isGreaterThan(drawn.position());

        JsonNode onMarch31 = facilityView(facility, "2026-03-31");
        // 99,737,500 × 4.5 % × 30 / 360 = 374,015.625 → 374,015.62 (half to even)
        assertThat(onMarch31.get("interestAccruedUsd").decimalValue()).isEqualTo("374015.62");
        assertThat(onMarch31.get("interestPaidUsd").decimalValue()).isEqualTo("737500.00");
        assertThat(onMarch31.get("principalOutstandingUsd").decimalValue()).isEqualTo("99737500.00");

        long before = eventCount();
        Api.Response tooMuch = repay(facility, "100111515.63", "2026-03-31");
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(json(tooMuch).get("code").asString()).isEqualTo("repayment-exceeds-owed");
        assertThat(json(tooMuch).get("detail").asString()).contains("USD 100111515.62 owed");
        assertThat(eventCount()).isEqualTo(before);

        Api.Response everything = repay(facility, "100111515.62", "2026-03-31");
        assertThat(everything.status()).as(everything.toString()).isEqualTo(201);
        assertThat(json(everything).get("interestPaidUsd").decimalValue()).isEqualTo("374015.62");
        assertThat(json(everything).get("principalPaidUsd").decimalValue()).isEqualTo("99737500.00");
        JsonNode repaidInFull = facilityView(facility, "2026-04-30");
        assertThat(repaidInFull.get("principalOutstandingUsd").decimalValue()).isEqualTo("0.00");
        assertThat(repaidInFull.get("interestAccruedUsd").decimalValue()).isEqualTo("0.00");
        assertThat(repaidInFull.get("interestPaidUsd").decimalValue()).isEqualTo("1111515.62");
    }

    @Test
    void theViewLeavesOutFlowsValuedAfterItsDate() {
        // 3.6 % ACT/360 on 1,000,000 is 100.00 a day; on 1,500,000, 150.00.
        String facility = facility("5000000.00", "3.6", "2040-12-31");
        drawdown(facility, "1000000.00", "2026-01-01");
        drawdown(facility, "500000.00", "2026-02-01");
        Api.Response repaid = repay(facility, "10000.00", "2026-03-01");
        // 31 days × 100 + 28 days × 150 = 7,300.00 of interest; 2,700.00 of principal.
        assertThat(json(repaid).get("interestPaidUsd").decimalValue()).isEqualTo("7300.00");
        assertThat(json(repaid).get("principalPaidUsd").decimalValue()).isEqualTo("2700.00");

        JsonNode onJanuary15 = facilityView(facility, "2026-01-15");
        assertThat(onJanuary15.get("limitUsd").decimalValue()).isEqualTo("5000000.00");
        assertThat(onJanuary15.get("drawnUsd").decimalValue()).isEqualTo("1000000.00");
        assertThat(onJanuary15.get("undrawnUsd").decimalValue()).isEqualTo("4000000.00");
        assertThat(onJanuary15.get("principalOutstandingUsd").decimalValue()).isEqualTo("1000000.00");
        assertThat(onJanuary15.get("interestAccruedUsd").decimalValue()).isEqualTo("1400.00");

        JsonNode onFebruary28 = facilityView(facility, "2026-02-28");
        assertThat(onFebruary28.get("drawnUsd").decimalValue()).isEqualTo("1500000.00");
        assertThat(onFebruary28.get("principalOutstandingUsd").decimalValue()).isEqualTo("1500000.00");
        // 31 × 100 + 27 × 150; the repayment of 1 March is not yet counted.
        assertThat(onFebruary28.get("interestAccruedUsd").decimalValue()).isEqualTo("7150.00");
        assertThat(onFebruary28.get("interestPaidUsd").decimalValue()).isEqualTo("0.00");

        JsonNode onMarch11 = facilityView(facility, "2026-03-11");
        assertThat(onMarch11.get("principalOutstandingUsd").decimalValue()).isEqualTo("1497300.00");
        assertThat(onMarch11.get("interestPaidUsd").decimalValue()).isEqualTo("7300.00");
        // 1,497,300 × 3.6 % × 10 / 360
        assertThat(onMarch11.get("interestAccruedUsd").decimalValue()).isEqualTo("1497.30");

        assertThat(facilityView(facility, "2025-12-31").get("drawnUsd").decimalValue()).isEqualTo("0.00");
    }

    @Test
    void theHistoryIsTheViewOnEachValueDateInTheOrderAsked() {
        String facility = facility("5000000.00", "3.6", "2040-12-31");
        drawdown(facility, "1000000.00", "2026-01-01");
        drawdown(facility, "500000.00", "2026-02-01");
        List<String> dates = List.of("2026-02-28", "2026-01-15", "2025-12-31");
        String question = "/api/v1/views/financing/history?valueDates=" + String.join(",", dates);

        Api.Response history = as("AUDITOR").get(question + "&minPosition=" + reserve.head());
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        JsonNode views = json(history).get("views");
        assertThat(views).hasSize(dates.size());
        for (int i = 0; i < dates.size(); i++) {
            assertThat(views.get(i)).as(dates.get(i)).isEqualTo(financing(dates.get(i)));
        }
        assertThat(views.get(0)).isNotEqualTo(views.get(1));
        assertThat(history.header("X-Projection-Position")).isNotNull();

        Api.Response asOfNow = as("AUDITOR").get(question + "&asOf=" + Instant.now());
        assertThat(asOfNow.status()).as(asOfNow.toString()).isEqualTo(200);
        assertThat(json(asOfNow)).isEqualTo(json(history));

        String tooMany = String.join(",", Collections.nCopies(121, "2026-01-31"));
        for (String bad : List.of("", "?valueDates=", "?valueDates=2026-02-30", "?valueDates=2026-01-31,someday",
                "?valueDates=" + tooMany, "?valueDates=2026-01-31&minPosition=-1")) {
            Api.Response refused = as("AUDITOR").get("/api/v1/views/financing/history" + bad);
            assertThat(refused.status()).as(bad + " " + refused).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(as(null).get(question).status()).isEqualTo(401);
    }

    @Test
    void refusesDrawdownsPastTheLimitOrAfterMaturityOrBeforeTheLastFlow() {
        String facility = facility("1000000.00", "5", "2026-06-30");
        assertThat(drawdown(facility, "600000.00", "2026-01-10").status()).isEqualTo(201);
        long before = eventCount();

        Api.Response overLimit = drawdown(facility, "400000.01", "2026-02-01");
        Api.Response afterMaturity = drawdown(facility, "1.00", "2026-07-01");
        Api.Response backdated = drawdown(facility, "1.00", "2026-01-09");

        assertThat(overLimit.status()).isEqualTo(409);
        assertThat(json(overLimit).get("code").asString()).isEqualTo("limit-exceeded");
        assertThat(json(overLimit).get("detail").asString()).isEqualTo("drawdown of USD 400000.01 exceeds the "
                + "USD 400000.00 undrawn of facility " + facility + " (limit USD 1000000.00, drawn USD 600000.00)");
        assertThat(afterMaturity.status()).isEqualTo(409);
        assertThat(json(afterMaturity).get("code").asString()).isEqualTo("facility-matured");
        assertThat(backdated.status()).isEqualTo(409);
        assertThat(json(backdated).get("code").asString()).isEqualTo("value-date-out-of-order");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(drawdown(facility, "400000.00", "2026-06-30").status()).isEqualTo(201);
    }

    @Test
    void twoDrawdownsThatTogetherPassTheLimitCannotBothSucceed() throws Exception {
        String facility = facility("1000000.00", "5", "2026-06-30");
        List<Api.Response> responses = Concurrently.all(2, () -> drawdown(facility, "600000.00", "2026-01-10"));

        assertThat(responses).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 409);
        assertThat(responses).filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat(json(r).get("code").asString()).isEqualTo("limit-exceeded"));
        assertThat(facilityView(facility, LATER).get("drawnUsd").decimalValue()).isEqualTo("600000.00");
    }

    @Test
    void capitalCallsAreAllocatedProRataToTheCentAndContributionsCannotExceedThem() {
        String a = investor("300000000.00");
        String b = investor("200000000.00");
        JsonNode capitalBefore = financing(LATER).get("privateCapital");
        assertThat(capitalBefore.get("uncalledUsd").decimalValue()).isEqualTo(capitalBefore.get("committedUsd")
                .decimalValue().subtract(capitalBefore.get("calledUsd").decimalValue()));

        Api.Response call = as("TREASURY").post("/api/v1/financing/capital-calls",
                Api.json("amountUsd", 1000000.01, "dueDate", "2026-06-30"));
        assertThat(call.status()).as(call.toString()).isEqualTo(201);
        String callId = json(call).get("capitalCallId").asString();
        assertThat(call.header("Location")).isEqualTo("/api/v1/financing/capital-calls/" + callId);
        Map<String, BigDecimal> allocations = new HashMap<>();
        for (JsonNode allocation : json(call).get("allocations")) {
            BigDecimal amount = allocation.get("amountUsd").decimalValue();
            assertThat(amount.scale()).isEqualTo(2);
            allocations.put(allocation.get("investorId").asString(), amount);
        }
        assertThat(allocations.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualTo("1000000.01");
        BigDecimal toA = allocations.get(a);
        BigDecimal toB = allocations.get(b);
        assertThat(toA).isNotNull();
        assertThat(toB).isNotNull();
        // Nobody has called on a or b before, so a's uncalled commitment is 1.5 times b's, and so is
        // its share, to within the cent each may have received from the remainders.
        assertThat(toA.subtract(toB.multiply(new BigDecimal("1.5"))).abs()).isLessThanOrEqualTo(new BigDecimal("0.02"));
        BigDecimal exactA = new BigDecimal("1000000.01").multiply(new BigDecimal("300000000.00"))
                .divide(capitalBefore.get("uncalledUsd").decimalValue(), 10, RoundingMode.HALF_EVEN);
        assertThat(toA.subtract(exactA).abs()).isLessThan(new BigDecimal("0.01"));

        Api.Response over = contribute(b, callId, toB.add(new BigDecimal("0.01")), "2026-06-15");
        assertThat(over.status()).isEqualTo(409);
        assertThat(json(over).get("code").asString()).isEqualTo("contribution-exceeds-allocation");
        Api.Response part = contribute(b, callId, new BigDecimal("100.00"), "2026-06-15");
        assertThat(part.status()).as(part.toString()).isEqualTo(201);
        assertThat(UUID.fromString(json(part).get("contributionId").asString())).isNotNull();
        assertThat(json(part).get("position").asLong()).isGreaterThan(call.position());
        Api.Response rest = contribute(b, callId, toB.subtract(new BigDecimal("100.00")), "2026-07-01");
        assertThat(rest.status()).as(rest.toString()).isEqualTo(201);
        assertThat(contribute(b, callId, new BigDecimal("0.01"), "2026-07-01").status()).isEqualTo(409);

        JsonNode capitalAfter = financing(LATER).get("privateCapital");
        assertThat(capitalAfter.get("committedUsd").decimalValue())
                .isEqualTo(capitalBefore.get("committedUsd").decimalValue());
        assertThat(capitalAfter.get("calledUsd").decimalValue().subtract(capitalBefore.get("calledUsd").decimalValue()))
                .isEqualTo("1000000.01");
        assertThat(capitalAfter.get("uncalledUsd").decimalValue().subtract(capitalBefore.get("uncalledUsd").decimalValue()))
                .isEqualTo("-1000000.01");
        assertThat(capitalAfter.get("contributedUsd").decimalValue()
                .subtract(capitalBefore.get("contributedUsd").decimalValue())).isEqualTo(toB);
        // On 30 June only the first 100.00 of b's contributions had been paid.
        JsonNode onJune30 = financing("2026-06-30").get("privateCapital");
        JsonNode onJuly1 = financing("2026-07-01").get("privateCapital");
        assertThat(onJuly1.get("contributedUsd").decimalValue().subtract(onJune30.get("contributedUsd").decimalValue()))
                .isEqualTo(toB.subtract(new BigDecimal("100.00")));

        Api.Response beyond = as("TREASURY").post("/api/v1/financing/capital-calls", Api.json(
                "amountUsd", capitalAfter.get("uncalledUsd").decimalValue().add(new BigDecimal("0.01")),
                "dueDate", "2026-06-30"));
        assertThat(beyond.status()).isEqualTo(409);
        assertThat(json(beyond).get("code").asString()).isEqualTo("call-exceeds-uncalled");
    }

    @Test
    void unknownFacilitiesInvestorsAndCallsAre404AndDuplicatesAre409() {
        assertThat(drawdown("NO-SUCH-FACILITY", "1.00", "2026-01-01").status()).isEqualTo(404);
        Api.Response noFacility = repay("NO-SUCH-FACILITY", "1.00", "2026-01-01");
        assertThat(noFacility.status()).isEqualTo(404);
        assertThat(json(noFacility).get("detail").asString()).isEqualTo("no facility NO-SUCH-FACILITY");

        String investor = investor("1000.00");
        Api.Response call = as("TREASURY").post("/api/v1/financing/capital-calls",
                Api.json("amountUsd", 1.00, "dueDate", "2026-06-30"));
        assertThat(call.status()).as(call.toString()).isEqualTo(201);
        String callId = json(call).get("capitalCallId").asString();
        Api.Response noInvestor = contribute("NO-SUCH-INVESTOR", callId, new BigDecimal("1.00"), "2026-06-15");
        assertThat(noInvestor.status()).isEqualTo(404);
        assertThat(json(noInvestor).get("detail").asString()).isEqualTo("no investor NO-SUCH-INVESTOR");
        Api.Response noCall = contribute(investor, UUID.randomUUID().toString(), new BigDecimal("1.00"), "2026-06-15");
        assertThat(noCall.status()).isEqualTo(404);

        Api.Response twice = as("TREASURY").post("/api/v1/financing/investors",
                Api.json("investorId", investor, "name", "Again", "commitmentUsd", 5));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(json(twice).get("code").asString()).isEqualTo("already-exists");
        String facility = facility("1.00", "1", "2030-01-01");
        Api.Response facilityTwice = as("TREASURY").post("/api/v1/financing/facilities", Api.json("facilityId", facility,
                "lender", "L", "limitUsd", 1, "annualInterestRatePct", 1, "maturityDate", "2030-01-01"));
        assertThat(facilityTwice.status()).isEqualTo(409);
        assertThat(json(facilityTwice).get("code").asString()).isEqualTo("already-exists");
    }

    @Test
    void sourcesLessUsesIsCashByFundingSource() {
        String facility = facility("50000000.00", "4", "2040-12-31");
        String site = reserve.registerSite("NV", "1000");
        String investor = investor("10000000.00");
        JsonNode before = financing(LATER);
        JsonNode onJanuary5Before = financing("2026-01-05");

        drawdown(facility, "2000000.00", "2026-01-05");
        // 50 t × 18,000.00 with the loan, 10 t × 1,234.56 with private money, and 5 t a manufacturer
        // supplied in kind, which costs the reserve no cash.
        assertThat(deposit(site, "EXIM_LOAN", "50", "18000.00", "2026-01-06T12:00:00Z").status()).isEqualTo(201);
        assertThat(deposit(site, "PRIVATE_CAPITAL", "10", "1234.56", "2026-01-07T00:00:00Z").status()).isEqualTo(201);
        assertThat(deposit(site, "MANUFACTURER_REPLENISHMENT", "5", "999.00", "2026-01-07T00:00:00Z").status())
                .isEqualTo(201);
        // 2,000,000 × 4 % × 31 / 360 = 6,888.888… → 6,888.89 of interest, then 93,111.11 of principal.
        Api.Response repaid = repay(facility, "100000.00", "2026-02-05");
        assertThat(json(repaid).get("interestPaidUsd").decimalValue()).isEqualTo("6888.89");
        BigDecimal contributed = contributeAllOfACall(investor, new BigDecimal("1000.00"), "2026-01-20");

        JsonNode after = financing(LATER);
        assertThat(change(before, after, "sourcesUsd")).isEqualTo(new BigDecimal("2000000.00").add(contributed));
        assertThat(change(before, after, "procurementUsd")).isEqualTo("912345.60");
        assertThat(change(before, after, "repaymentsUsd")).isEqualTo("100000.00");
        assertThat(change(before, after, "cashUsd")).isEqualTo(new BigDecimal("2000000.00").add(contributed)
                .subtract(new BigDecimal("912345.60")).subtract(new BigDecimal("100000.00")));
        assertThat(change(before, after, "EXIM_LOAN", "raisedUsd")).isEqualTo("2000000.00");
        assertThat(change(before, after, "EXIM_LOAN", "deployedUsd")).isEqualTo("900000.00");
        assertThat(change(before, after, "PRIVATE_CAPITAL", "raisedUsd")).isEqualTo(contributed);
        assertThat(change(before, after, "PRIVATE_CAPITAL", "deployedUsd")).isEqualTo("12345.60");
        assertThat(change(before, after, "MANUFACTURER_FEES", "raisedUsd")).isEqualTo("0.00");
        assertThat(change(before, after, "MANUFACTURER_FEES", "deployedUsd")).isEqualTo("0.00");
        assertSourcesLessUsesIsCash(after);

        // On 5 January only the drawdown had happened: the lots came later, the repayment later still.
        JsonNode onJanuary5 = financing("2026-01-05");
        assertThat(change(onJanuary5Before, onJanuary5, "sourcesUsd")).isEqualTo("2000000.00");
        assertThat(change(onJanuary5Before, onJanuary5, "procurementUsd")).isEqualTo("0.00");
        assertThat(change(onJanuary5Before, onJanuary5, "repaymentsUsd")).isEqualTo("0.00");
        assertSourcesLessUsesIsCash(onJanuary5);
    }

    @Test
    void coverageIsInventoryAtReferencePricesOverLoanOutstanding() {
        // Only this test's facility has flows valued in 2001, and only its lot was held then: on those days the
        // collateral is this lot at the price in force then, against exactly this drawdown.
        String facility = facility("10000000.00", "2", "2040-12-31");
        drawdown(facility, "2000000.00", "2001-01-02");
        JsonNode noLoan = financing("2001-01-01").get("collateral");
        assertThat(noLoan.get("loanOutstandingUsd").decimalValue()).isEqualTo("0.00");
        assertThat(noLoan.has("coverageRatio")).isTrue();
        assertThat(noLoan.get("coverageRatio").isNull()).isTrue();

        Api.Response price = as("GOVERNANCE").put("/api/v1/reference-prices/INDIUM",
                Api.json("pricePerTonneUsd", 400.00, "effectiveFrom", "2001-01-01"));
        assertThat(price.status()).as(price.toString()).isEqualTo(200);
        BigDecimal valueBefore = financing("2001-01-02").get("collateral").get("inventoryReferenceValueUsd").decimalValue();
        String site = reserve.registerSite("NV", "1000");
        assertThat(deposit(site, "EXIM_LOAN", "25", "350.00", "2001-01-02T00:00:00Z", "INDIUM").status()).isEqualTo(201);

        JsonNode collateral = financing("2001-01-02").get("collateral");
        // 25 t × 400.00 = 10,000.00 more collateral, against 2,000,000.00 drawn.
        BigDecimal value = collateral.get("inventoryReferenceValueUsd").decimalValue();
        assertThat(value.subtract(valueBefore)).isEqualTo("10000.00");
        assertThat(collateral.get("loanOutstandingUsd").decimalValue()).isEqualTo("2000000.00");
        assertThat(collateral.get("coverageRatio").decimalValue())
                .isEqualTo(value.divide(new BigDecimal("2000000.00"), 4, RoundingMode.HALF_EVEN));
        assertThat(collateral.get("coverageRatio").decimalValue().scale()).isEqualTo(4);
        // The day before the lot arrived it was no collateral.
        assertThat(financing("2001-01-01").get("collateral").get("inventoryReferenceValueUsd").decimalValue())
                .isEqualByComparingTo(valueBefore);

        BigDecimal national = BigDecimal.ZERO;
        for (JsonNode mineral : json(as("AUDITOR").get("/api/v1/views/inventory-by-mineral?valueDate=2001-01-02&minPosition="
                + reserve.head())).get("minerals")) {
            if (!mineral.get("referenceValueUsd").isNull()) {
                national = national.add(mineral.get("referenceValueUsd").decimalValue());
            }
        }
        assertThat(value).isEqualByComparingTo(national);

        // A price set later, effective today, does not value that day.
        assertThat(as("GOVERNANCE").put("/api/v1/reference-prices/INDIUM", Api.json("pricePerTonneUsd", 999.00,
                "effectiveFrom", LocalDate.now(ZoneOffset.UTC).toString())).status()).isEqualTo(200);
        assertThat(financing("2001-01-02").get("collateral").get("inventoryReferenceValueUsd").decimalValue())
                .isEqualByComparingTo(value);
    }

    @Test
    void theViewIsOpenToEveryRoleButAManufacturerAndTellsItsPosition() {
        String facility = facility("1000.00", "1", "2030-01-01");
        long position = drawdown(facility, "10.00", "2026-01-01").position();
        // Investors and every manufacturer's fees are the reserve's own business, not a manufacturer's.
        assertThat(as("MANUFACTURER").get("/api/v1/views/financing").status()).isEqualTo(403);
        for (String role : List.of("OPERATOR", "GOVERNANCE", "TREASURY", "AUDITOR", "ADMIN")) {
            Api.Response view = as(role).get("/api/v1/views/financing?minPosition=" + position);
            assertThat(view.status()).as(role + " " + view).isEqualTo(200);
            assertThat(Long.parseLong(view.header("X-Projection-Position"))).isGreaterThanOrEqualTo(position);
        }
        JsonNode today = json(as("AUDITOR").get("/api/v1/views/financing?minPosition=" + position));
        assertThat(today.get("manufacturerFees").get("upfrontUsd").decimalValue().scale()).isEqualTo(2);
        assertThat(today.get("manufacturerFees").get("storageUsd").decimalValue().scale()).isEqualTo(2);
        assertThat(today.get("sourcesAndUses").get("bySource")).extracting(s -> s.get("fundingSource").asString())
                .containsExactly("EXIM_LOAN", "PRIVATE_CAPITAL", "MANUFACTURER_FEES");
        assertThat(as("AUDITOR").get("/api/v1/views/financing?valueDate=2026-02-30").status()).isEqualTo(400);
        assertThat(as(null).get("/api/v1/views/financing").status()).isEqualTo(401);
    }

    @Test
    void onlyTreasuryMovesMoney() {
        long before = eventCount();
        assertThat(as("OPERATOR").post("/api/v1/financing/facilities", Api.json("facilityId", "X-1", "lender", "L",
                "limitUsd", 1, "annualInterestRatePct", 1, "maturityDate", "2030-01-01")).status()).isEqualTo(403);
        assertThat(as("GOVERNANCE").post("/api/v1/financing/capital-calls",
                Api.json("amountUsd", 1, "dueDate", "2026-06-30")).status()).isEqualTo(403);
        assertThat(as("AUDITOR").post("/api/v1/financing/facilities/X-1/drawdowns",
                Api.json("amountUsd", 1, "valueDate", "2026-01-01")).status()).isEqualTo(403);
        assertThat(as("MANUFACTURER").post("/api/v1/financing/investors",
                Api.json("investorId", "INV-X", "name", "N", "commitmentUsd", 1)).status()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void badBodiesAre400AndAppendNothing() {
        String facility = facility("1000.00", "1", "2030-01-01");
        long before = eventCount();
        assertBadRequest("/api/v1/financing/facilities", Api.json("facilityId", "X-2", "lender", "L",
                "limitUsd", 1, "annualInterestRatePct", 101, "maturityDate", "2030-01-01"), "annualInterestRatePct");
        assertBadRequest("/api/v1/financing/facilities", Api.json("facilityId", "X-2", "lender", "L",
                "limitUsd", 1, "annualInterestRatePct", new BigDecimal("4.12345"), "maturityDate", "2030-01-01"),
                "annualInterestRatePct");
        assertBadRequest("/api/v1/financing/facilities", Api.json("facilityId", "x-2", "lender", "L",
                "limitUsd", 1, "annualInterestRatePct", 1, "maturityDate", "2030-01-01"), "facilityId");
        assertBadRequest("/api/v1/financing/facilities/" + facility + "/drawdowns",
                Api.json("amountUsd", new BigDecimal("1.001"), "valueDate", "2026-01-01"), "amountUsd");
        assertBadRequest("/api/v1/financing/facilities/" + facility + "/drawdowns",
                Api.json("amountUsd", 1, "valueDate", "2026-01-01", "currency", "EUR"), null);
        assertBadRequest("/api/v1/financing/facilities/" + facility + "/repayments", Api.json("amountUsd", 1), "valueDate");
        assertBadRequest("/api/v1/financing/facilities/lower-case/repayments",
                Api.json("amountUsd", 1, "valueDate", "2026-01-01"), "facilityId");
        assertBadRequest("/api/v1/financing/investors/INV-1/contributions",
                Api.json("capitalCallId", UUID.randomUUID(), "amountUsd", -5, "valueDate", "2026-01-01"), "amountUsd");
        assertThat(eventCount()).isEqualTo(before);
    }

    /** The body with its numbers as written, so that the scale of money (two decimals) is checked too. */
    private static JsonNode json(Api.Response response) {
        return EXACT.readTree(response.body());
    }

    private void assertBadRequest(String path, String body, String field) {
        Api.Response response = as("TREASURY").post(path, body);
        assertThat(response.status()).as(path + " " + body + " → " + response).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(json(response).get("errors")).extracting(e -> e.get("field").asString()).contains(field);
        }
    }

    private String facility(String limit, String rate, String maturity) {
        String id = Reserve.newSiteId("EXIM");
        Api.Response response = as("TREASURY").post("/api/v1/financing/facilities", """
                {"facilityId":"%s","lender":"Export-Import Bank of the United States","limitUsd":%s,
                 "annualInterestRatePct":%s,"dayCount":"ACT_360","maturityDate":"%s"}
                """.formatted(id, limit, rate, maturity));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(json(response).get("facilityId").asString()).isEqualTo(id);
        assertThat(response.position()).isPositive();
        assertThat(response.header("Location")).isEqualTo("/api/v1/financing/facilities/" + id);
        return id;
    }

    private Api.Response drawdown(String facility, String amount, String valueDate) {
        return as("TREASURY").post("/api/v1/financing/facilities/" + facility + "/drawdowns", """
                {"amountUsd":%s,"valueDate":"%s","purpose":"Procurement"}
                """.formatted(amount, valueDate));
    }

    private Api.Response repay(String facility, String amount, String valueDate) {
        return as("TREASURY").post("/api/v1/financing/facilities/" + facility + "/repayments", """
                {"amountUsd":%s,"valueDate":"%s"}
                """.formatted(amount, valueDate));
    }

    private String investor(String commitment) {
        String id = Reserve.newSiteId("INV");
        Api.Response response = as("TREASURY").post("/api/v1/financing/investors", """
                {"investorId":"%s","name":"Fund %s","commitmentUsd":%s}
                """.formatted(id, id, commitment));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(json(response).get("investorId").asString()).isEqualTo(id);
        assertThat(response.position()).isPositive();
        return id;
    }

    private Api.Response contribute(String investor, String capitalCallId, BigDecimal amount, String valueDate) {
        return as("TREASURY").post("/api/v1/financing/investors/" + investor + "/contributions",
                Api.json("capitalCallId", capitalCallId, "amountUsd", amount, "valueDate", valueDate));
    }

    /** Calls capital and has the investor pay its whole allocation; answers what it paid (zero if none). */
    private BigDecimal contributeAllOfACall(String investor, BigDecimal amount, String valueDate) {
        Api.Response call = as("TREASURY").post("/api/v1/financing/capital-calls",
                Api.json("amountUsd", amount, "dueDate", valueDate));
        assertThat(call.status()).as(call.toString()).isEqualTo(201);
        for (JsonNode allocation : json(call).get("allocations")) {
            if (allocation.get("investorId").asString().equals(investor)) {
                BigDecimal share = allocation.get("amountUsd").decimalValue();
                Api.Response paid = contribute(investor, json(call).get("capitalCallId").asString(), share, valueDate);
                assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
                return share;
            }
        }
        return new BigDecimal("0.00");
    }

    private Api.Response deposit(String site, String fundingSource, String tonnes, String unitCost, String receivedAt) {
        // No other test holds antimony, so its national figures stay theirs.
        return deposit(site, fundingSource, tonnes, unitCost, receivedAt, "ANTIMONY");
    }

    private Api.Response deposit(String site, String fundingSource, String tonnes, String unitCost, String receivedAt,
                                 String mineral) {
        return as("OPERATOR").post("/api/v1/sites/" + site + "/deposits", """
                {"mineral":"%s","form":"ingot","quantityTonnes":%s,"unitCostUsd":%s,"supplier":"Trader",
                 "originCountry":"CA","fundingSource":"%s","receivedAt":"%s"}
                """.formatted(mineral, tonnes, unitCost, fundingSource, receivedAt));
    }

    private JsonNode financing(String valueDate) {
        Api.Response response = as("AUDITOR").get("/api/v1/views/financing?valueDate=" + valueDate
                + "&minPosition=" + reserve.head());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return json(response);
    }

    private JsonNode facilityView(String facility, String valueDate) {
        for (JsonNode f : financing(valueDate).get("facilities")) {
            if (f.get("facilityId").asString().equals(facility)) {
                return f;
            }
        }
        throw new AssertionError("facility " + facility + " not in the view");
    }

    private static BigDecimal change(JsonNode before, JsonNode after, String field) {
        return after.get("sourcesAndUses").get(field).decimalValue()
                .subtract(before.get("sourcesAndUses").get(field).decimalValue());
    }

    private static BigDecimal change(JsonNode before, JsonNode after, String fundingSource, String field) {
        return bySource(after, fundingSource).get(field).decimalValue()
                .subtract(bySource(before, fundingSource).get(field).decimalValue());
    }

    private static JsonNode bySource(JsonNode view, String fundingSource) {
        for (JsonNode source : view.get("sourcesAndUses").get("bySource")) {
            if (source.get("fundingSource").asString().equals(fundingSource)) {
                return source;
            }
        }
        throw new AssertionError(fundingSource + " not in the view");
    }

    private static void assertSourcesLessUsesIsCash(JsonNode view) {
        JsonNode flows = view.get("sourcesAndUses");
        assertThat(flows.get("cashUsd").decimalValue()).isEqualTo(flows.get("sourcesUsd").decimalValue()
                .subtract(flows.get("procurementUsd").decimalValue()).subtract(flows.get("repaymentsUsd").decimalValue()));
        BigDecimal raised = BigDecimal.ZERO;
        BigDecimal deployed = BigDecimal.ZERO;
        for (JsonNode source : flows.get("bySource")) {
            raised = raised.add(source.get("raisedUsd").decimalValue());
            deployed = deployed.add(source.get("deployedUsd").decimalValue());
        }
        assertThat(raised).isEqualTo(flows.get("sourcesUsd").decimalValue());
        assertThat(deployed).isEqualTo(flows.get("procurementUsd").decimalValue());
    }
}

package org.reserveledger.api.financing;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;
import org.reserveledger.api.support.Reserve;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Financing through HTTP. Private capital is one pool shared by every test in this database, so
 * figures across investors are checked as relations; exact pro-rata cases are in the domain tests.
 */
class FinancingApiTest extends ApiIntegrationTest {

    @Test
    void interestIsSimpleDailyActual360AndRepaymentsPayItFirst() {
        String facility = facility("100000000.00", "4.5", "2040-12-31");
        assertThat(drawdown(facility, "100000000.00", "2026-01-01").status()).isEqualTo(201);

        JsonNode onMarch1 = facilityView(facility, "2026-03-01");
        // 100,000,000 × 4.5 % × 59 / 360
        assertThat(onMarch1.get("interestAccruedUsd").decimalValue()).isEqualByComparingTo("737500.00");
        assertThat(onMarch1.get("principalOutstandingUsd").decimalValue()).isEqualByComparingTo("100000000.00");
        assertThat(onMarch1.get("undrawnUsd").decimalValue()).isEqualByComparingTo("0");

        Api.Response repaid = repay(facility, "1000000.00", "2026-03-01");
        assertThat(repaid.status()).as(repaid.toString()).isEqualTo(201);
        assertThat(repaid.json().get("interestPaidUsd").decimalValue()).isEqualByComparingTo("737500.00");
        assertThat(repaid.json().get("principalPaidUsd").decimalValue()).isEqualByComparingTo("262500.00");

        JsonNode onMarch31 = facilityView(facility, "2026-03-31");
        // 99,737,500 × 4.5 % × 30 / 360 = 374,015.625 → 374,015.62
        assertThat(onMarch31.get("interestAccruedUsd").decimalValue()).isEqualByComparingTo("374015.62");
        assertThat(onMarch31.get("interestPaidUsd").decimalValue()).isEqualByComparingTo("737500.00");
        assertThat(onMarch31.get("principalOutstandingUsd").decimalValue()).isEqualByComparingTo("99737500.00");
        // Before the drawdown's value date the facility shows nothing drawn.
        assertThat(facilityView(facility, "2025-12-31").get("drawnUsd").decimalValue()).isEqualByComparingTo("0");

        Api.Response tooMuch = repay(facility, "100111515.63", "2026-03-31");
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.json().get("code").asString()).isEqualTo("repayment-exceeds-owed");
        Api.Response everything = repay(facility, "100111515.62", "2026-03-31");
        assertThat(everything.status()).as(everything.toString()).isEqualTo(201);
        assertThat(facilityView(facility, "2026-04-30").get("principalOutstandingUsd").decimalValue())
                .isEqualByComparingTo("0");
    }

    @Test
    void refusesDrawdownsPastTheLimitOrAfterMaturity() {
        String facility = facility("1000000.00", "5", "2030-06-30");
        assertThat(drawdown(facility, "600000.00", "2026-01-10").status()).isEqualTo(201);
        long before = eventCount();

        Api.Response overLimit = drawdown(facility, "400000.01", "2026-02-01");
        Api.Response afterMaturity = drawdown(facility, "1.00", "2030-07-01");
        Api.Response backdated = drawdown(facility, "1.00", "2026-01-09");

        assertThat(overLimit.status()).isEqualTo(409);
        assertThat(overLimit.json().get("code").asString()).isEqualTo("limit-exceeded");
        assertThat(afterMaturity.status()).isEqualTo(409);
        assertThat(afterMaturity.json().get("code").asString()).isEqualTo("facility-matured");
        assertThat(backdated.status()).isEqualTo(409);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(drawdown(facility, "400000.00", "2026-02-01").status()).isEqualTo(201);
    }

    @Test
    void twoDrawdownsThatTogetherPassTheLimitCannotBothSucceed() throws Exception {
        String facility = facility("1000000.00", "5", "2030-06-30");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> racing = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return drawdown(facility, "600000.00", "2026-01-10").status();
                }))
                .toList();
        go.countDown();

        assertThat(racing.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(201, 409);
        assertThat(facilityView(facility, "2026-12-31").get("drawnUsd").decimalValue()).isEqualByComparingTo("600000.00");
    }

    @Test
    void capitalCallsAreAllocatedProRataToTheCentAndContributionsCannotExceedThem() {
        String a = investor("300000000.00");
        String b = investor("200000000.00");
        Api.Response call = as("TREASURY").post("/api/v1/financing/capital-calls",
                Api.json("amountUsd", 1000000.01, "dueDate", "2026-06-30"));
        assertThat(call.status()).as(call.toString()).isEqualTo(201);
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal toA = null;
        BigDecimal toB = null;
        for (JsonNode allocation : call.json().get("allocations")) {
            BigDecimal amount = allocation.get("amountUsd").decimalValue();
            assertThat(amount.scale()).isLessThanOrEqualTo(2);
            total = total.add(amount);
            if (allocation.get("investorId").asString().equals(a)) {
                toA = amount;
            }
            if (allocation.get("investorId").asString().equals(b)) {
                toB = amount;
            }
        }
        assertThat(total).isEqualByComparingTo("1000000.01");
        assertThat(toA).isNotNull();
        assertThat(toB).isNotNull();
        // a's uncalled commitment is 1.5 times b's; so is its share, within a cent.
        assertThat(toA.subtract(toB.multiply(new BigDecimal("1.5"))).abs()).isLessThanOrEqualTo(new BigDecimal("0.02"));

        String callId = call.json().get("capitalCallId").asString();
        Api.Response over = as("TREASURY").post("/api/v1/financing/investors/" + b + "/contributions",
                Api.json("capitalCallId", callId, "amountUsd", toB.add(new BigDecimal("0.01")), "valueDate", "2026-06-15"));
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.json().get("code").asString()).isEqualTo("contribution-exceeds-allocation");
        Api.Response paid = as("TREASURY").post("/api/v1/financing/investors/" + b + "/contributions",
                Api.json("capitalCallId", callId, "amountUsd", toB, "valueDate", "2026-06-15"));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(as("TREASURY").post("/api/v1/financing/investors/" + b + "/contributions",
                Api.json("capitalCallId", java.util.UUID.randomUUID(), "amountUsd", 1, "valueDate", "2026-06-15"))
                .status()).isEqualTo(404);

        JsonNode capital = financing("2026-12-31").get("privateCapital");
        assertThat(capital.get("uncalledUsd").decimalValue())
                .isEqualByComparingTo(capital.get("committedUsd").decimalValue().subtract(capital.get("calledUsd").decimalValue()));
        Api.Response beyond = as("TREASURY").post("/api/v1/financing/capital-calls",
                Api.json("amountUsd", capital.get("uncalledUsd").decimalValue().add(new BigDecimal("0.01")), "dueDate", "2026-06-30"));
        assertThat(beyond.status()).isEqualTo(409);
        assertThat(beyond.json().get("code").asString()).isEqualTo("call-exceeds-uncalled");
    }

    @Test
    void sourcesLessUsesIsCashAndCoverageIsInventoryOverLoan() {
        String facility = facility("50000000.00", "4", "2040-12-31");
        drawdown(facility, "2000000.00", "2026-01-05");
        String site = reserve.registerSite("NV", "1000");
        as("GOVERNANCE").put("/api/v1/reference-prices/BISMUTH", Api.json("pricePerTonneUsd", 20000.00, "effectiveFrom", "2026-01-01"));
        reserve.deposit(site, "BISMUTH", "50", "18000.00", "BO", "2026-01-06T00:00:00Z");

        JsonNode view = financing("2026-12-31");

        JsonNode flows = view.get("sourcesAndUses");
        assertThat(flows.get("cashUsd").decimalValue()).isEqualByComparingTo(flows.get("sourcesUsd").decimalValue()
                .subtract(flows.get("procurementUsd").decimalValue()).subtract(flows.get("repaymentsUsd").decimalValue()));
        BigDecimal raised = BigDecimal.ZERO;
        BigDecimal deployed = BigDecimal.ZERO;
        for (JsonNode source : flows.get("bySource")) {
            raised = raised.add(source.get("raisedUsd").decimalValue());
            deployed = deployed.add(source.get("deployedUsd").decimalValue());
        }
        assertThat(raised).isEqualByComparingTo(flows.get("sourcesUsd").decimalValue());
        assertThat(deployed).isEqualByComparingTo(flows.get("procurementUsd").decimalValue());
        JsonNode collateral = view.get("collateral");
        BigDecimal expected = collateral.get("inventoryReferenceValueUsd").decimalValue()
                .divide(collateral.get("loanOutstandingUsd").decimalValue(), 4, java.math.RoundingMode.HALF_EVEN);
        assertThat(collateral.get("coverageRatio").decimalValue()).isEqualByComparingTo(expected);
        BigDecimal nationalReference = BigDecimal.ZERO;
        for (JsonNode mineral : as("AUDITOR").get("/api/v1/views/inventory-by-mineral?minPosition=" + reserve.head())
                .json().get("minerals")) {
            if (!mineral.get("referenceValueUsd").isNull()) {
                nationalReference = nationalReference.add(mineral.get("referenceValueUsd").decimalValue());
            }
        }
        assertThat(collateral.get("inventoryReferenceValueUsd").decimalValue()).isEqualByComparingTo(nationalReference);
    }

    @Test
    void onlyTreasuryMovesMoneyAndUnknownFacilitiesAre404() {
        assertThat(as("OPERATOR").post("/api/v1/financing/facilities", Api.json("facilityId", "X-1", "lender", "L",
                "limitUsd", 1, "annualInterestRatePct", 1, "maturityDate", "2030-01-01")).status()).isEqualTo(403);
        assertThat(drawdown("NO-SUCH-FACILITY", "1.00", "2026-01-01").status()).isEqualTo(404);
        assertThat(as("TREASURY").post("/api/v1/financing/facilities", Api.json("facilityId", "X-2", "lender", "L",
                "limitUsd", 1, "annualInterestRatePct", 101, "maturityDate", "2030-01-01")).status()).isEqualTo(400);
        String facility = facility("1.00", "1", "2030-01-01");
        assertThat(as("TREASURY").post("/api/v1/financing/facilities", Api.json("facilityId", facility, "lender", "L",
                "limitUsd", 1, "annualInterestRatePct", 1, "maturityDate", "2030-01-01")).status()).isEqualTo(409);
    }

    private String facility(String limit, String rate, String maturity) {
        String id = Reserve.newSiteId("EXIM");
        Api.Response response = as("TREASURY").post("/api/v1/financing/facilities", """
                {"facilityId":"%s","lender":"Export-Import Bank of the United States","limitUsd":%s,
                 "annualInterestRatePct":%s,"dayCount":"ACT_360","maturityDate":"%s"}
                """.formatted(id, limit, rate, maturity));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
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
        return id;
    }

    private JsonNode financing(String valueDate) {
        Api.Response response = as("AUDITOR").get("/api/v1/views/financing?valueDate=" + valueDate + "&minPosition=" + reserve.head());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode facilityView(String facility, String valueDate) {
        for (JsonNode f : financing(valueDate).get("facilities")) {
            if (f.get("facilityId").asString().equals(facility)) {
                return f;
            }
        }
        throw new AssertionError("facility " + facility + " not in the view");
    }
}

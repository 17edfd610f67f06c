package org.reserveledger.api.commitment;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;
import org.reserveledger.api.support.Reserve;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commitments on the business-date axis through HTTP: disruptions judged by a draw's date, entitlements
 * within the stock on hand at the declaration, replenishments with their own date, and the commitments
 * view at any value date and recording instant. Each test uses minerals of its own.
 */
class CommitmentBusinessTimeApiTest extends ApiIntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final LocalDate BASE = TODAY.minusDays(200);

    @Test
    void theEntitlementsOfADisruptionNeverAddUpToMoreThanTheStockOnHandAtItsDeclaration() {
        String site = reserve.registerSite("NV", "1000");
        reserve.deposit(site, "EUROPIUM", "130.5", "40000", "CN", BASE + "T09:00:00Z");
        String a = commitment(manufacturer(), "EUROPIUM", "100", BASE.toString(), TODAY.plusYears(1).toString(), 30);
        String b = commitment(manufacturer(), "EUROPIUM", "80", BASE.toString(), TODAY.plusYears(1).toString(), 30);
        Api.Response declared = as("GOVERNANCE").post("/api/v1/disruptions",
                Api.json("mineral", "EUROPIUM", "reason", "Export licences suspended"));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        // Made while the disruption is declared: the landed service gave each quantity × 0.725 on top.
        String c = commitment(manufacturer(), "EUROPIUM", "51.42", BASE.toString(), TODAY.plusYears(1).toString(), 30);
        String d = commitment(manufacturer(), "EUROPIUM", "10", BASE.toString(), TODAY.plusYears(1).toString(), 30);

        BigDecimal stock = new BigDecimal("130.5");
        BigDecimal ratio = stock.divide(new BigDecimal("180"), 12, RoundingMode.DOWN);
        BigDecimal sum = BigDecimal.ZERO;
        for (String[] expected : new String[][]{{a, "100"}, {b, "80"}, {c, null}, {d, null}}) {
            JsonNode view = commitmentView(expected[0], null);
            BigDecimal entitlement = expected[1] == null ? new BigDecimal("0.000")
                    : new BigDecimal(expected[1]).multiply(ratio).setScale(3, RoundingMode.DOWN);
            assertThat(view.get("emergencyEntitlementTonnes").decimalValue()).as(view.toString())
                    .isEqualByComparingTo(entitlement);
            sum = sum.add(view.get("emergencyEntitlementTonnes").decimalValue());
        }
        assertThat(sum).isLessThanOrEqualTo(stock);

        long before = eventCount();
        Api.Response refused = draw(c, site, "1", null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("no-entitlement-during-disruption");
        assertThat(refused.json().get("detail").asString()).contains("1.000 t", "0.000 t");
        assertThat(eventCount()).isEqualTo(before);

        // Everyone entitled draws all of it: together no more than the stock at the declaration.
        BigDecimal drawn = BigDecimal.ZERO;
        for (String commitment : List.of(a, b)) {
            BigDecimal entitlement = commitmentView(commitment, null).get("emergencyEntitlementTonnes").decimalValue();
            Api.Response emergency = draw(commitment, site, entitlement.toPlainString(), null);
            assertThat(emergency.status()).as(emergency.toString()).isEqualTo(201);
            assertThat(emergency.json().get("emergency").asBoolean()).isTrue();
            drawn = drawn.add(entitlement);
        }
        assertThat(drawn).isLessThanOrEqualTo(stock);
        // 72.5 t + 58 t: the site keeps no row for a mineral it no longer holds.
        JsonNode left = reserve.siteMineral(site, "EUROPIUM");
        assertThat(left == null ? BigDecimal.ZERO : left.get("onHandTonnes").decimalValue())
                .isEqualByComparingTo(stock.subtract(drawn));
    }

    @Test
    void aMovementDatedBeforeADeclarationCannotLeaveLessThanItsEntitlementsHeldAtIt() {
        String site = reserve.registerSite("NV", "1000");
        reserve.deposit(site, "TUNGSTEN", "100", "40000", "CN", TODAY.minusDays(10) + "T09:00:00Z");
        commitment(manufacturer(), "TUNGSTEN", "100", BASE.toString(), TODAY.plusYears(1).toString(), 30);
        commitment(manufacturer(), "TUNGSTEN", "100", BASE.toString(), TODAY.plusYears(1).toString(), 30);
        // 100 t for 200 t committed: each commitment is entitled to 50 t, 100 t in all, all the stock there was.
        assertThat(as("GOVERNANCE").post("/api/v1/disruptions", Api.json("mineral", "TUNGSTEN", "reason", "Mine flooded"))
                .status()).isEqualTo(201);

        long before = eventCount();
        Api.Response backDated = as("OPERATOR").post("/api/v1/sites/" + site + "/withdrawals", Api.json("mineral",
                "TUNGSTEN", "quantityTonnes", 60, "reason", "ROTATION", "withdrawnAt", TODAY.minusDays(1) + "T12:00:00Z"));
        assertThat(backDated.status()).as(backDated.toString()).isEqualTo(409);
        assertThat(backDated.json().get("code").asString()).isEqualTo("entitlements-exceed-stock");
        assertThat(backDated.json().get("detail").asString()).contains("40.000 t", "100.000 t");
        assertThat(eventCount()).isEqualTo(before);

        // Taken after the declaration, the same stock is the disruption's to share out, not a breach of it.
        Api.Response now = as("OPERATOR").post("/api/v1/sites/" + site + "/withdrawals", Api.json("mineral",
                "TUNGSTEN", "quantityTonnes", 60, "reason", "ROTATION"));
        assertThat(now.status()).as(now.toString()).isEqualTo(201);
    }

    @Test
    void theCommitmentsViewAtFiveValueDatesEqualsTheDatedFactsWhateverTheOrderTheyWereRecordedIn() {
        String site = reserve.registerSite("NV", "1000");
        reserve.deposit(site, "GADOLINIUM", "100", "30000", "CN", BASE.minusDays(30) + "T09:00:00Z");
        String manufacturer = manufacturer();
        Terms first = new Terms(commitment(manufacturer, "GADOLINIUM", "40", BASE.toString(),
                TODAY.plusYears(1).toString(), 20), new BigDecimal("40"), BASE, 20);
        Terms second = new Terms(commitment(manufacturer, "GADOLINIUM", "12.5", BASE.plusDays(90).toString(),
                TODAY.plusYears(1).toString(), 15), new BigDecimal("12.5"), BASE.plusDays(90), 15);
        List<Fact> draws = new ArrayList<>(List.of(
                new Fact(first, BASE.plusDays(10), "10"), new Fact(first, BASE.plusDays(40), "6"),
                new Fact(first, BASE.plusDays(100), "5"), new Fact(second, BASE.plusDays(95), "3"),
                new Fact(second, BASE.plusDays(95), "2.25")));
        List<Fact> replenishments = new ArrayList<>(List.of(
                new Fact(first, BASE.plusDays(45), "8"), new Fact(first, BASE.plusDays(120), "7"),
                new Fact(first, BASE.plusDays(150), "6"), new Fact(second, BASE.plusDays(130), "4")));
        Random random = new Random(TODAY.toEpochDay());
        Collections.shuffle(draws, random);
        Collections.shuffle(replenishments, random);
        List<String> drawIds = new ArrayList<>();
        for (Fact fact : draws) {
            Api.Response response = draw(fact.terms().commitmentId(), site, fact.tonnes(), fact.on().toString());
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            assertThat(response.json().get("replenishBy").asString())
                    .isEqualTo(fact.on().plusDays(fact.terms().replenishWithinDays()).toString());
            drawIds.add(response.json().get("drawId").asString());
        }
        for (Fact fact : replenishments) {
            Api.Response response = replenish(fact.terms().commitmentId(), site, fact.tonnes(), fact.on());
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
        }
        LocalDate feesThrough = YearMonth.from(BASE.plusDays(100)).atEndOfMonth();
        assertThat(as("ADMIN").post("/api/v1/admin/storage-fees/run?through=" + feesThrough, null).status())
                .isEqualTo(200);

        List<LocalDate> valueDates = List.of(BASE.minusDays(1), BASE.plusDays(35), BASE.plusDays(50),
                BASE.plusDays(110), TODAY);
        for (LocalDate on : valueDates) {
            for (Terms terms : List.of(first, second)) {
                JsonNode view = commitmentView(terms.commitmentId(), on.equals(TODAY) ? null : on);
                assertMatchesReference(view, terms, on, draws, replenishments, feesThrough);
            }
        }
        assertThat(commitmentView(first.commitmentId(), null).get("draws")).hasSize(3);
        assertThat(as("MANUFACTURER").get("/api/v1/views/commitments?manufacturerId=" + manufacturer
                + "&valueDate=" + BASE.plusDays(50)).status()).isEqualTo(403);
        assertThat(as("AUDITOR").get("/api/v1/views/commitments?valueDate=" + BASE.plusDays(50) + "x").status())
                .isEqualTo(400);
    }

    @Test
    void aViewAsOfARecordingInstantAtAValueDateShowsWhatWasRecordedByThenOfThatDay() throws Exception {
        String site = reserve.registerSite("NV", "1000");
        reserve.deposit(site, "PRASEODYMIUM", "50", "60000", "CN", BASE.minusDays(10) + "T09:00:00Z");
        String commitment = commitment(manufacturer(), "PRASEODYMIUM", "20", BASE.toString(),
                TODAY.plusYears(1).toString(), 30);
        assertThat(draw(commitment, site, "10", BASE.plusDays(10).toString()).status()).isEqualTo(201);
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        assertThat(draw(commitment, site, "4", BASE.plusDays(5).toString()).status()).isEqualTo(201);
        assertThat(replenish(commitment, site, "3", BASE.plusDays(12)).status()).isEqualTo(201);

        JsonNode knownThen = view(commitment, "valueDate=" + BASE.plusDays(12) + "&asOf=" + between);
        JsonNode knownNow = view(commitment, "valueDate=" + BASE.plusDays(12) + "&minPosition=" + reserve.head());
        JsonNode beforeTheDraws = view(commitment, "valueDate=" + BASE.plusDays(7) + "&minPosition=" + reserve.head());
        JsonNode thenToday = view(commitment, "asOf=" + between);

        assertThat(knownThen.get("drawnTonnes").decimalValue()).isEqualByComparingTo("10");
        assertThat(knownThen.get("replenishedTonnes").decimalValue()).isEqualByComparingTo("0");
        assertThat(knownThen.get("draws")).hasSize(1);
        assertThat(knownNow.get("drawnTonnes").decimalValue()).isEqualByComparingTo("14");
        assertThat(knownNow.get("replenishedTonnes").decimalValue()).isEqualByComparingTo("3");
        assertThat(knownNow.get("outstandingDrawTonnes").decimalValue()).isEqualByComparingTo("11");
        // The 3 t returned settle the oldest draw by date: the back-dated 4 t of day 5.
        assertThat(knownNow.get("draws").get(0).get("drawnOn").asString()).isEqualTo(BASE.plusDays(5).toString());
        assertThat(knownNow.get("draws").get(0).get("replenishedTonnes").decimalValue()).isEqualByComparingTo("3");
        assertThat(beforeTheDraws.get("drawnTonnes").decimalValue()).isEqualByComparingTo("4");
        assertThat(thenToday.get("drawnTonnes").decimalValue()).as("asOf alone: its own day").isEqualByComparingTo("10");
        assertThat(thenToday.get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void aReplenishmentCarriesItsBusinessDateAndItsLotIsReceivedThen() {
        String site = reserve.registerSite("NV", "1000");
        reserve.deposit(site, "RHENIUM", "50", "90000", "CL", TODAY.minusDays(60) + "T09:00:00Z");
        String commitment = commitment(manufacturer(), "RHENIUM", "20", TODAY.minusDays(50).toString(),
                TODAY.plusYears(1).toString(), 30);
        assertThat(draw(commitment, site, "10", TODAY.minusDays(30).toString()).status()).isEqualTo(201);
        long before = eventCount();

        Api.Response future = replenish(commitment, site, "1", TODAY.plusDays(1));
        Api.Response beforeTheDraw = replenish(commitment, site, "1", TODAY.minusDays(31));
        assertThat(future.status()).as(future.toString()).isEqualTo(400);
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("replenishedOn");
        assertThat(beforeTheDraw.status()).as(beforeTheDraw.toString()).isEqualTo(409);
        assertThat(beforeTheDraw.json().get("code").asString()).isEqualTo("replenishment-exceeds-outstanding");
        assertThat(eventCount()).isEqualTo(before);

        Api.Response dated = replenish(commitment, site, "4", TODAY.minusDays(20));
        Instant beforeToday = Instant.now();
        Api.Response today = replenish(commitment, site, "2", null);
        Instant afterToday = Instant.now();

        assertThat(dated.status()).as(dated.toString()).isEqualTo(201);
        assertThat(today.status()).as(today.toString()).isEqualTo(201);
        // A lot returned on an earlier day stands at that day's last microsecond; today's at the moment it came.
        assertThat(receivedAt(dated)).isEqualTo(TODAY.minusDays(19).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1_000));
        assertThat(receivedAt(today)).isBetween(beforeToday.minusMillis(1000), afterToday.plusMillis(1000));
        assertThat(view(commitment, "valueDate=" + TODAY.minusDays(21) + "&minPosition=" + reserve.head())
                .get("replenishedTonnes").decimalValue()).isEqualByComparingTo("0");
        assertThat(view(commitment, "valueDate=" + TODAY.minusDays(20) + "&minPosition=" + reserve.head())
                .get("replenishedTonnes").decimalValue()).isEqualByComparingTo("4");
        assertThat(view(commitment, "minPosition=" + reserve.head()).get("replenishedTonnes").decimalValue())
                .isEqualByComparingTo("6");
    }

    /** The view of one commitment at a value date against the figures the scenario's own facts give. */
    private void assertMatchesReference(JsonNode view, Terms terms, LocalDate on, List<Fact> draws,
                                        List<Fact> replenishments, LocalDate feesThrough) {
        String at = " at " + on + ": " + view;
        List<Fact> drawn = draws.stream().filter(f -> f.terms() == terms && !f.on().isAfter(on))
                .sorted(java.util.Comparator.comparing(Fact::on)).toList();
        BigDecimal drawnTonnes = drawn.stream().map(f -> new BigDecimal(f.tonnes())).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal replenishedTonnes = replenishments.stream().filter(f -> f.terms() == terms && !f.on().isAfter(on))
                .map(f -> new BigDecimal(f.tonnes())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(view.get("drawnTonnes").decimalValue()).as("drawn" + at).isEqualByComparingTo(drawnTonnes);
        assertThat(view.get("replenishedTonnes").decimalValue()).as("replenished" + at).isEqualByComparingTo(replenishedTonnes);
        assertThat(view.get("outstandingDrawTonnes").decimalValue()).as("outstanding" + at)
                .isEqualByComparingTo(drawnTonnes.subtract(replenishedTonnes));
        assertThat(view.get("status").asString()).as("status" + at)
                .isEqualTo(on.isBefore(terms.start()) ? "PENDING" : "ACTIVE");
        assertThat(view.get("emergencyEntitlementTonnes").isNull()).as("no disruption" + at).isTrue();

        // Replenishments settle the oldest draws by date first; same-day draws in the order they were recorded.
        BigDecimal left = replenishedTonnes;
        boolean overdue = false;
        JsonNode shown = view.get("draws");
        assertThat(shown).as("draws" + at).hasSize(drawn.size());
        for (int i = 0; i < drawn.size(); i++) {
            Fact fact = drawn.get(i);
            BigDecimal quantity = new BigDecimal(fact.tonnes());
            BigDecimal back = left.min(quantity);
            left = left.subtract(back);
            LocalDate replenishBy = fact.on().plusDays(terms.replenishWithinDays());
            boolean late = back.compareTo(quantity) < 0 && replenishBy.isBefore(on);
            overdue |= late;
            JsonNode draw = shown.get(i);
            assertThat(draw.get("drawnOn").asString()).as("draw %d%s", i, at).isEqualTo(fact.on().toString());
            assertThat(draw.get("quantityTonnes").decimalValue()).as("draw %d%s", i, at).isEqualByComparingTo(quantity);
            assertThat(draw.get("replenishedTonnes").decimalValue()).as("draw %d back%s", i, at).isEqualByComparingTo(back);
            assertThat(draw.get("replenishBy").asString()).as("draw %d%s", i, at).isEqualTo(replenishBy.toString());
            assertThat(draw.get("emergency").asBoolean()).isFalse();
            assertThat(draw.get("overdue").asBoolean()).as("draw %d overdue%s", i, at).isEqualTo(late);
        }
        assertThat(view.get("overdue").asBoolean()).as("overdue" + at).isEqualTo(overdue);

        // 10.00 USD a tonne and month, pro rata to the days of the term in a month, charged to each month's end.
        BigDecimal fees = BigDecimal.ZERO;
        for (YearMonth month = YearMonth.from(terms.start()); !month.atEndOfMonth().isAfter(feesThrough);
             month = month.plusMonths(1)) {
            if (month.atEndOfMonth().isAfter(on)) {
                break;
            }
            LocalDate from = terms.start().isAfter(month.atDay(1)) ? terms.start() : month.atDay(1);
            long days = month.atEndOfMonth().toEpochDay() - from.toEpochDay() + 1;
            fees = fees.add(new BigDecimal("10.00").multiply(terms.quantity()).multiply(BigDecimal.valueOf(days))
                    .divide(BigDecimal.valueOf(month.lengthOfMonth()), 10, RoundingMode.HALF_EVEN)
                    .setScale(2, RoundingMode.HALF_EVEN));
        }
        assertThat(view.get("storageFeesChargedUsd").decimalValue()).as("fees" + at).isEqualByComparingTo(fees);
    }

    private Instant receivedAt(Api.Response replenishment) {
        // The lots table is the inventory projection's: read it once that projection has applied everything.
        assertThat(as("AUDITOR").get("/api/v1/views/inventory-by-site?minPosition=" + reserve.head()).status())
                .isEqualTo(200);
        return jdbc.sql("select received_at from inventory_lot where lot_id = :lot")
                .param("lot", UUID.fromString(replenishment.json().get("lotId").asString()))
                .query(Timestamp.class).single().toInstant();
    }

    private JsonNode commitmentView(String commitment, LocalDate valueDate) {
        return view(commitment, (valueDate == null ? "" : "valueDate=" + valueDate + "&") + "minPosition=" + reserve.head());
    }

    private JsonNode view(String commitment, String parameters) {
        Api.Response response = as("AUDITOR").get("/api/v1/views/commitments/" + commitment + "?" + parameters);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private String manufacturer() {
        String id = Reserve.newSiteId("M");
        Api.Response response = as("GOVERNANCE").post("/api/v1/manufacturers", Api.json("manufacturerId", id, "name", "Maker " + id));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return id;
    }

    private String commitment(String manufacturer, String mineral, String tonnes, String start, String end, int days) {
        return reserve.commitment(manufacturer, mineral, tonnes, start, end, days);
    }

    private Api.Response draw(String commitment, String site, String tonnes, String drawnOn) {
        return reserve.draw(commitment, site, tonnes, drawnOn);
    }

    private Api.Response replenish(String commitment, String site, String tonnes, LocalDate on) {
        String dated = on == null ? "" : ",\"replenishedOn\":\"" + on + "\"";
        return as("OPERATOR").post("/api/v1/commitments/" + commitment + "/replenishments", """
                {"siteId":"%s","quantityTonnes":%s,"unitCostUsd":30000,"supplier":"Back","originCountry":"US"%s}
                """.formatted(site, tonnes, dated));
    }

    private record Terms(String commitmentId, BigDecimal quantity, LocalDate start, int replenishWithinDays) {
    }

    /** A draw or replenishment of a commitment on a business day. */
    private record Fact(Terms terms, LocalDate on, String tonnes) {
    }
}

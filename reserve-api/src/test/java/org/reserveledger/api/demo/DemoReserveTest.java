package org.reserveledger.api.demo;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo reserve loads on an empty store and every view answers with figures that reconcile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "reserve.demo=true")
@ActiveProfiles("test")
class DemoReserveTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, DemoReserveTest.class);
    }

    @Test
    void everyViewAnswersAndTheSitesAddUpToTheNationalPosition() {
        Api auditor = new Api(port, null).as("AUDITOR");
        long head = jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
        assertThat(head).isGreaterThan(50);
        assertThat(jdbc.sql("select count(distinct convert_from(meta_data, 'UTF8')::jsonb ->> 'actor') from domain_event_entry")
                .query(Long.class).single()).isEqualTo(1);

        JsonNode bySite = view(auditor, "inventory-by-site", head);
        JsonNode byMineral = view(auditor, "inventory-by-mineral", head);
        Map<String, BigDecimal[]> summed = new HashMap<>();
        for (JsonNode site : bySite.get("sites")) {
            BigDecimal used = BigDecimal.ZERO;
            for (JsonNode row : site.get("minerals")) {
                BigDecimal[] sums = summed.computeIfAbsent(row.get("mineral").asString(),
                        m -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                sums[0] = sums[0].add(row.get("onHandTonnes").decimalValue());
                sums[1] = sums[1].add(row.get("inTransitTonnes").decimalValue());
                sums[2] = sums[2].add(row.get("bookValueUsd").decimalValue());
                sums[3] = sums[3].add(row.get("referenceValueUsd").decimalValue());
                used = used.add(row.get("onHandTonnes").decimalValue()).add(row.get("inTransitTonnes").decimalValue());
            }
            assertThat(site.get("usedTonnes").decimalValue()).isEqualByComparingTo(used);
            assertThat(site.get("usedTonnes").decimalValue()).isLessThanOrEqualTo(site.get("capacityTonnes").decimalValue());
        }
        assertThat(byMineral.get("minerals")).hasSizeGreaterThanOrEqualTo(8);
        for (JsonNode mineral : byMineral.get("minerals")) {
            BigDecimal[] sums = summed.get(mineral.get("mineral").asString());
            assertThat(sums).as(mineral.toString()).isNotNull();
            assertThat(mineral.get("onHandTonnes").decimalValue()).isEqualByComparingTo(sums[0]);
            assertThat(mineral.get("inTransitTonnes").decimalValue()).isEqualByComparingTo(sums[1]);
            assertThat(mineral.get("bookValueUsd").decimalValue()).isEqualByComparingTo(sums[2]);
            assertThat(mineral.get("referenceValueUsd").decimalValue()).isEqualByComparingTo(sums[3]);
        }

        JsonNode commitments = view(auditor, "commitments", head).get("commitments");
        assertThat(commitments).hasSize(8);
        assertThat(commitments).anySatisfy(c -> assertThat(c.get("overdue").asBoolean()).isTrue());
        assertThat(commitments).anySatisfy(c -> assertThat(c.get("emergencyEntitlementTonnes").isNull()).isFalse());
        assertThat(commitments).allSatisfy(c ->
                assertThat(c.get("storageFeesChargedUsd").decimalValue()).isGreaterThan(BigDecimal.ZERO));
        BiFunction<JsonNode, String, BigDecimal> committed = (view, code) -> {
            BigDecimal total = BigDecimal.ZERO;
            for (JsonNode c : view) {
                if (c.get("mineral").asString().equals(code) && c.get("status").asString().equals("ACTIVE")) {
                    total = total.add(c.get("quantityTonnes").decimalValue());
                }
            }
            return total;
        };
        for (JsonNode mineral : byMineral.get("minerals")) {
            assertThat(mineral.get("committedTonnes").decimalValue())
                    .isEqualByComparingTo(committed.apply(commitments, mineral.get("mineral").asString()));
        }

        JsonNode concentration = view(auditor, "concentration", head);
        for (JsonNode mineral : concentration.get("minerals")) {
            BigDecimal shares = BigDecimal.ZERO;
            for (JsonNode origin : mineral.get("origins")) {
                shares = shares.add(origin.get("share").decimalValue());
            }
            assertThat(shares).isBetween(new BigDecimal("0.9997"), new BigDecimal("1.0003"));
            assertThat(mineral.get("hhi").decimalValue()).isBetween(BigDecimal.ZERO, new BigDecimal("10000"));
        }
        JsonNode financing = view(auditor, "financing", head);
        JsonNode exim = financing.get("facilities").get(0);
        assertThat(exim.get("limitUsd").decimalValue()).isEqualByComparingTo("10000000000.00");
        assertThat(exim.get("drawnUsd").decimalValue()).isEqualByComparingTo("1800000000.00");
        assertThat(exim.get("interestAccruedUsd").decimalValue()).isPositive();
        assertThat(exim.get("interestPaidUsd").decimalValue()).isPositive();
        JsonNode capital = financing.get("privateCapital");
        assertThat(capital.get("committedUsd").decimalValue()).isEqualByComparingTo("1670000000.00");
        assertThat(capital.get("calledUsd").decimalValue()).isEqualByComparingTo("700000000.00");
        assertThat(capital.get("contributedUsd").decimalValue()).isLessThan(capital.get("calledUsd").decimalValue());
        JsonNode flows = financing.get("sourcesAndUses");
        assertThat(flows.get("cashUsd").decimalValue()).isEqualByComparingTo(flows.get("sourcesUsd").decimalValue()
                .subtract(flows.get("procurementUsd").decimalValue()).subtract(flows.get("repaymentsUsd").decimalValue()));
        assertThat(flows.get("cashUsd").decimalValue()).isPositive();
        BigDecimal national = BigDecimal.ZERO;
        for (JsonNode mineral : byMineral.get("minerals")) {
            national = national.add(mineral.get("referenceValueUsd").decimalValue());
        }
        assertThat(financing.get("collateral").get("inventoryReferenceValueUsd").decimalValue()).isEqualByComparingTo(national);
        assertThat(financing.get("collateral").get("coverageRatio").decimalValue()).isPositive();
        assertThat(financing.get("manufacturerFees").get("upfrontUsd").decimalValue()).isEqualByComparingTo("27195000.00");

        assertThat(new Api(port, null).as("MANUFACTURER").get("/api/v1/views/commitments").json().get("commitments"))
                .hasSize(2).allSatisfy(c -> assertThat(c.get("manufacturerId").asString()).isEqualTo("VOLTCELL"));
    }

    @Test
    void theDemoReserveStandsInItsBooksAsItDidOnEachDay() {
        Api auditor = new Api(port, null).as("AUDITOR");
        long head = jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
        // The demo reserve begins on the first of the month ten months ago.
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusMonths(10).withDayOfMonth(1);

        // The day before it began its sites held nothing.
        for (JsonNode site : auditor.get("/api/v1/views/inventory-by-site?valueDate=" + start.minusDays(1)
                + "&minPosition=" + head).json().get("sites")) {
            assertThat(site.get("minerals")).as(site.toString()).isEmpty();
        }
        // 12 000 t of spherical graphite reached Houston on day 55; 1 500 t were rotated out five months in.
        LocalDate rotation = start.plusMonths(5);
        assertThat(onHand(auditor, "TX-HOUSTON-01", "GRAPHITE", rotation.minusDays(1))).isEqualByComparingTo("12000");
        assertThat(onHand(auditor, "TX-HOUSTON-01", "GRAPHITE", rotation)).isEqualByComparingTo("10500");
        // 2 500 t of lithium left Reno six months in and arrived in Houston four days later.
        LocalDate dispatch = start.plusMonths(6);
        JsonNode inTransit = row(auditor, "TX-HOUSTON-01", "LITHIUM", dispatch.plusDays(1));
        assertThat(inTransit.get("onHandTonnes").decimalValue()).isEqualByComparingTo("5000");
        assertThat(inTransit.get("inTransitTonnes").decimalValue()).isEqualByComparingTo("2500");
        assertThat(onHand(auditor, "TX-HOUSTON-01", "LITHIUM", dispatch.plusDays(4))).isEqualByComparingTo("7500");

        // Lithium's price moved from 12 500 to 11 900 four months in, from that day only.
        assertThat(lithiumPrice(auditor, start.plusMonths(4).minusDays(1))).isEqualByComparingTo("12500");
        assertThat(lithiumPrice(auditor, start.plusMonths(4))).isEqualByComparingTo("11900");

        // The first quarter is closed: a deposit dated in it, or in 1990, changes nothing.
        assertThat(auditor.get("/api/v1/periods").json().get("closedThrough").asString())
                .isEqualTo(start.plusMonths(3).minusDays(1).toString());
        Api.Response old = new Api(port, null).as("OPERATOR").post("/api/v1/sites/NV-RENO-01/deposits", Api.json(
                "mineral", "LITHIUM", "form", "carbonate", "quantityTonnes", 1, "unitCostUsd", 1, "supplier", "Archive",
                "originCountry", "CL", "fundingSource", "EXIM_LOAN", "receivedAt", "1990-05-01T09:00:00Z"));
        assertThat(old.status()).as(old.toString()).isEqualTo(409);
        assertThat(old.json().get("code").asString()).isEqualTo("period-closed");
    }

    private static BigDecimal onHand(Api api, String site, String mineral, LocalDate valueDate) {
        return row(api, site, mineral, valueDate).get("onHandTonnes").decimalValue();
    }

    private static JsonNode row(Api api, String site, String mineral, LocalDate valueDate) {
        for (JsonNode s : api.get("/api/v1/views/inventory-by-site?valueDate=" + valueDate).json().get("sites")) {
            if (s.get("siteId").asString().equals(site)) {
                for (JsonNode row : s.get("minerals")) {
                    if (row.get("mineral").asString().equals(mineral)) {
                        return row;
                    }
                }
            }
        }
        throw new AssertionError("no " + mineral + " at " + site + " on " + valueDate);
    }

    private static BigDecimal lithiumPrice(Api api, LocalDate valueDate) {
        for (JsonNode price : api.get("/api/v1/reference-prices?valueDate=" + valueDate).json().get("items")) {
            if (price.get("mineral").asString().equals("LITHIUM")) {
                return price.get("pricePerTonneUsd").decimalValue();
            }
        }
        throw new AssertionError("no lithium price on " + valueDate);
    }

    private static JsonNode view(Api api, String name, long position) {
        Api.Response response = api.get("/api/v1/views/" + name + "?minPosition=" + position);
        assertThat(response.status()).as(name + ": " + response).isEqualTo(200);
        return response.json();
    }
}

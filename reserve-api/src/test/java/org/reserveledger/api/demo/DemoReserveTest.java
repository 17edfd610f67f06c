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

    private static JsonNode view(Api api, String name, long position) {
        Api.Response response = api.get("/api/v1/views/" + name + "?minPosition=" + position);
        assertThat(response.status()).as(name + ": " + response).isEqualTo(200);
        return response.json();
    }
}

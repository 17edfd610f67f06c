package org.reserveledger.api.inventory;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;
import org.reserveledger.api.support.Concurrently;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands racing for the same stock, room or idempotency key: the rules hold under concurrency.
 */
class ConcurrentCommandsTest extends ApiIntegrationTest {

    @Test
    void twentyWithdrawalsRacingForStockSucceedOnlyAsFarAsItGoes() throws Exception {
        String site = reserve.registerSite("NV", "1000");
        reserve.deposit(site, "LITHIUM", "30", "12000", "CL");
        reserve.deposit(site, "LITHIUM", "22.5", "12500", "AR");

        List<Api.Response> responses = Concurrently.all(20, () -> reserve.withdraw(site, "LITHIUM", "7.5"));

        long succeeded = responses.stream().filter(r -> r.status() == 201).count();
        long refused = responses.stream().filter(r -> r.status() == 409).count();
        // 52.5 t of stock covers exactly seven withdrawals of 7.5 t.
        assertThat(succeeded).as(responses.toString()).isEqualTo(7);
        assertThat(refused).isEqualTo(13);
        responses.stream().filter(r -> r.status() == 409)
                .forEach(r -> assertThat(r.json().get("code").asString()).isEqualTo("insufficient-stock"));

        JsonNode lithium = reserve.siteMineral(site, "LITHIUM");
        BigDecimal expected = new BigDecimal("52.5").subtract(new BigDecimal("7.5").multiply(BigDecimal.valueOf(succeeded)));
        assertThat(lithium == null ? BigDecimal.ZERO : lithium.get("onHandTonnes").decimalValue())
                .isEqualByComparingTo(expected)
                .isGreaterThanOrEqualTo(BigDecimal.ZERO);
        // No lot at any site below zero at any business instant of the stock ledger.
        assertThat(jdbc.sql("""
                        select count(*) from (
                            select site_id, lot_id,
                                   sum(on_hand_tonnes) over (partition by site_id, lot_id order by at, id) as balance
                            from inventory_movement) running
                        where balance < 0
                        """).query(Long.class).single())
                .isZero();
    }

    @Test
    void aBackDatedAndACurrentWithdrawalRacingForTheSameLotNeverBothSucceed() throws Exception {
        Api operator = as("OPERATOR");
        for (int round = 0; round < 10; round++) {
            String site = reserve.registerSite("NV", "100");
            assertThat(reserve.deposit(site, "COBALT", "10", "30000", "CD", "2026-01-05T09:00:00Z").status()).isEqualTo(201);
            String path = "/api/v1/sites/" + site + "/withdrawals";
            // Either takes the whole lot: one dated in February, one dated now.
            List<Api.Response> responses = Concurrently.race(
                    () -> operator.post(path, Api.json("mineral", "COBALT", "quantityTonnes", 10, "reason", "SALE",
                            "withdrawnAt", "2026-02-01T00:00:00Z")),
                    () -> operator.post(path, Api.json("mineral", "COBALT", "quantityTonnes", 10, "reason", "SALE")));
            assertThat(responses.stream().filter(r -> r.status() == 201).count()).as(responses.toString()).isEqualTo(1);
            Api.Response refused = responses.stream().filter(r -> r.status() != 201).findFirst().orElseThrow();
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.json().get("code").asString()).isEqualTo("insufficient-stock");
        }
    }

    @Test
    void twoDepositsThatTogetherExceedCapacityCannotBothSucceed() throws Exception {
        String site = reserve.registerSite("NV", "100");

        List<Api.Response> responses = Concurrently.all(2, () -> reserve.deposit(site, "COBALT", "60", "30000", "CD"));

        assertThat(responses).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 409);
        assertThat(reserve.site(site).get("usedTonnes").decimalValue()).isEqualByComparingTo("60");
    }

    @Test
    void oneIdempotencyKeySentTenTimesAtOnceHasOneEffect() throws Exception {
        String site = reserve.registerSite("NV", "1000");
        Api operator = as("OPERATOR").withHeader("Idempotency-Key", "deposit-" + site);
        String body = """
                {"mineral":"NICKEL","form":"briquettes","quantityTonnes":12.5,"unitCostUsd":16000,
                 "supplier":"Sulawesi Nickel","originCountry":"ID","fundingSource":"PRIVATE_CAPITAL"}
                """;
        long before = eventCount();

        List<Api.Response> responses = Concurrently.all(10, () -> operator.post("/api/v1/sites/" + site + "/deposits", body));

        assertThat(responses).extracting(Api.Response::status).containsOnly(201);
        assertThat(responses).extracting(r -> r.json().get("lotId").asString()).containsOnly(
                responses.getFirst().json().get("lotId").asString());
        assertThat(responses).extracting(Api.Response::position).containsOnly(responses.getFirst().position());
        assertThat(eventCount()).isEqualTo(before + 1);
        assertThat(reserve.siteMineral(site, "NICKEL").get("onHandTonnes").decimalValue()).isEqualByComparingTo("12.5");
    }

    @Test
    void reusingAnIdempotencyKeyWithAnotherBodyIs422AndAppendsNothing() {
        String site = reserve.registerSite("NV", "1000");
        Api operator = as("OPERATOR").withHeader("Idempotency-Key", "dup-" + site);
        Api.Response first = operator.post("/api/v1/sites/" + site + "/deposits", """
                {"mineral":"NICKEL","form":"briquettes","quantityTonnes":1,"unitCostUsd":16000,
                 "supplier":"Sulawesi Nickel","originCountry":"ID","fundingSource":"PRIVATE_CAPITAL"}
                """);
        Api.Response replay = operator.post("/api/v1/sites/" + site + "/deposits", """
                {"mineral":"NICKEL","form":"briquettes","quantityTonnes":1,"unitCostUsd":16000,
                 "supplier":"Sulawesi Nickel","originCountry":"ID","fundingSource":"PRIVATE_CAPITAL"}
                """);
        long before = eventCount();

        Api.Response reused = operator.post("/api/v1/sites/" + site + "/deposits", """
                {"mineral":"NICKEL","form":"briquettes","quantityTonnes":2,"unitCostUsd":16000,
                 "supplier":"Sulawesi Nickel","originCountry":"ID","fundingSource":"PRIVATE_CAPITAL"}
                """);

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.body()).contains("\"position\":");
        assertThat(replay.header("Idempotent-Replay")).isEqualTo("true");
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(before);

        Api withdrawing = as("OPERATOR").withHeader("Idempotency-Key", "withdraw-" + site);
        String withdrawal = "{\"mineral\":\"NICKEL\",\"quantityTonnes\":0.5,\"reason\":\"SALE\"}";
        Api.Response taken = withdrawing.post("/api/v1/sites/" + site + "/withdrawals", withdrawal);
        Api.Response takenAgain = withdrawing.post("/api/v1/sites/" + site + "/withdrawals", withdrawal);
        // The replay is the first response to the byte: amounts keep their three decimals.
        assertThat(takenAgain.body()).isEqualTo(taken.body()).contains("\"quantityTonnes\":0.500");
    }

    @Test
    void opposingTransfersBetweenTwoSitesDoNotDeadlock() throws Exception {
        String east = reserve.registerSite("PA", "1000");
        String west = reserve.registerSite("OR", "1000");
        reserve.deposit(east, "GRAPHITE", "100", "900", "MZ");
        reserve.deposit(west, "GRAPHITE", "100", "950", "CA");

        List<Api.Response> responses = Concurrently.all(16, new Callable<>() {
            private int next;

            @Override
            public synchronized Api.Response call() {
                boolean eastward = next++ % 2 == 0;
                return eastward ? reserve.transfer(west, east, "GRAPHITE", "5") : reserve.transfer(east, west, "GRAPHITE", "5");
            }
        });

        assertThat(responses).extracting(Api.Response::status).containsOnly(201);
        JsonNode eastNow = reserve.siteMineral(east, "GRAPHITE");
        JsonNode westNow = reserve.siteMineral(west, "GRAPHITE");
        // Each side sent 8 × 5 t and has 40 t in transit to it; nothing is lost or doubled.
        assertThat(eastNow.get("onHandTonnes").decimalValue()).isEqualByComparingTo("60");
        assertThat(eastNow.get("inTransitTonnes").decimalValue()).isEqualByComparingTo("40");
        assertThat(westNow.get("onHandTonnes").decimalValue()).isEqualByComparingTo("60");
        assertThat(westNow.get("inTransitTonnes").decimalValue()).isEqualByComparingTo("40");
    }
}

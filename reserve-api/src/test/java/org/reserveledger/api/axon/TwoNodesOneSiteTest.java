package org.reserveledger.api.axon;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reserveledger.api.ReserveLedgerApplication;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.Concurrently;
import org.reserveledger.api.support.Reserve;
import org.reserveledger.api.support.TestDatabase;
import org.reserveledger.domain.inventory.Site;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two service instances on one database, each keeping its own in-memory copies of aggregates: a
 * copy that another instance has made stale never decides a command. Each instance first caches a
 * site, the other then changes it, and the first's next command must be judged on the stored state:
 * accepted where a stale copy would refuse, refused where a stale copy would accept.
 */
class TwoNodesOneSiteTest {

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static Reserve atFirst;
    private static Reserve atSecond;
    private static JdbcClient jdbc;

    @BeforeAll
    static void twoNodes() {
        TestDatabase.Database database = TestDatabase.fresh();
        first = node(database);
        second = node(database);
        jdbc = first.getBean(JdbcClient.class);
        atFirst = new Reserve(new Api(port(first), null), jdbc);
        atSecond = new Reserve(new Api(port(second), null), second.getBean(JdbcClient.class));
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aCopyMadeStaleByTheOtherNodeNeitherRefusesNorAcceptsWrongly() {
        String site = atFirst.registerSite("NV", "1000");
        assertThat(atFirst.deposit(site, "NICKEL", "10", "16000", "ID").status()).isEqualTo(201);
        assertThat(atFirst.withdraw(site, "NICKEL", "10").status()).isEqualTo(201);
        // The first node now holds a copy of the site with nothing on hand.
        assertThat(first.getBean(AggregateCaches.class).forType(Site.class).containsKey(site)).isTrue();

        assertThat(atSecond.deposit(site, "NICKEL", "10", "16000", "ID").status()).isEqualTo(201);
        // On its own copy the first node would find 0 t; the store holds 10 t.
        assertThat(atFirst.withdraw(site, "NICKEL", "5").status()).isEqualTo(201);

        // The second node's copy still holds 10 t; the store holds 10 - 5 = 5 t.
        Api.Response tooMuch = atSecond.withdraw(site, "NICKEL", "8");
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.json().get("code").asString()).isEqualTo("insufficient-stock");
        assertThat(atSecond.withdraw(site, "NICKEL", "5").status()).isEqualTo(201);

        // 10 - 10 + 10 - 5 - 5 = 0 t left, on both nodes.
        assertThat(atFirst.withdraw(site, "NICKEL", "1").json().get("code").asString()).isEqualTo("insufficient-stock");
        assertThat(atSecond.withdraw(site, "NICKEL", "1").json().get("code").asString()).isEqualTo("insufficient-stock");
        assertThat(withdrawnFromStream(site)).isEqualByComparingTo("20");
    }

    @Test
    void aStaleCopyUnderAnIdempotencyKeyIsDecidedAgainAsAWholeAndAnsweredOnce() {
        String site = atFirst.registerSite("NV", "1000");
        assertThat(atFirst.deposit(site, "NICKEL", "10", "16000", "ID").status()).isEqualTo(201);
        assertThat(atFirst.withdraw(site, "NICKEL", "10").status()).isEqualTo(201);
        assertThat(atSecond.deposit(site, "NICKEL", "4", "16000", "ID").status()).isEqualTo(201);

        // The first node's copy holds 0 t, the store 4 t: refused on the copy, accepted on the store.
        Api keyed = new Api(port(first), null).as("OPERATOR").withHeader("Idempotency-Key", "stale-" + site);
        String body = "{\"mineral\":\"NICKEL\",\"quantityTonnes\":3,\"reason\":\"ROTATION\"}";
        Api.Response taken = keyed.post("/api/v1/sites/" + site + "/withdrawals", body);
        assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
        Api.Response repeated = keyed.post("/api/v1/sites/" + site + "/withdrawals", body);
        assertThat(repeated.status()).isEqualTo(201);
        assertThat(repeated.json().get("withdrawalId")).isEqualTo(taken.json().get("withdrawalId"));
        // 10 withdrawn before, then 3 once: 4 - 3 = 1 t left.
        assertThat(withdrawnFromStream(site)).isEqualByComparingTo("13");
        assertThat(atSecond.withdraw(site, "NICKEL", "1.001").json().get("code").asString()).isEqualTo("insufficient-stock");
        assertThat(atSecond.withdraw(site, "NICKEL", "1").status()).isEqualTo(201);
    }

    @Test
    void withdrawalsRacingOnBothNodesTakeNoMoreThanTheSiteHolds() throws Exception {
        String site = atFirst.registerSite("NV", "1000");
        assertThat(atFirst.deposit(site, "NICKEL", "30", "16000", "ID").status()).isEqualTo(201);
        // Both nodes cache the site before the race.
        assertThat(atFirst.withdraw(site, "NICKEL", "1").status()).isEqualTo(201);
        assertThat(atSecond.withdraw(site, "NICKEL", "1").status()).isEqualTo(201);

        List<Callable<Api.Response>> withdrawals = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Reserve node = i % 2 == 0 ? atFirst : atSecond;
            withdrawals.add(() -> node.withdraw(site, "NICKEL", "1"));
        }
        List<Api.Response> answers = Concurrently.race(withdrawals);

        long accepted = answers.stream().filter(answer -> answer.status() == 201).count();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isIn(201, 409));
        // 30 t deposited, 2 t taken before the race: at most 28 withdrawals of 1 t can succeed.
        assertThat(accepted).isLessThanOrEqualTo(28);
        assertThat(withdrawnFromStream(site)).isEqualByComparingTo(BigDecimal.valueOf(accepted + 2));
        // Whatever the race left, both nodes now judge the same stored balance: 28 - accepted t.
        BigDecimal left = BigDecimal.valueOf(28 - accepted);
        if (left.signum() > 0) {
            assertThat(atSecond.withdraw(site, "NICKEL", left.toPlainString()).status()).isEqualTo(201);
        }
        assertThat(atFirst.withdraw(site, "NICKEL", "0.001").json().get("code").asString())
                .isEqualTo("insufficient-stock");
    }

    private static BigDecimal withdrawnFromStream(String site) {
        return jdbc.sql("""
                        select coalesce(sum((convert_from(payload, 'UTF8')::jsonb ->> 'quantity')::numeric), 0)
                        from domain_event_entry
                        where aggregate_identifier = :site and payload_type like '%.StockWithdrawn'
                        """)
                .param("site", site)
                .query(BigDecimal.class)
                .single();
    }

    private static ConfigurableApplicationContext node(TestDatabase.Database database) {
        return new SpringApplicationBuilder(ReserveLedgerApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.user(),
                        "--spring.datasource.password=" + database.password(),
                        "--reserve.data-dir=" + dataDir);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}

package org.reserveledger.api.period;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.Concurrently;
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

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the books through a day, over real HTTP on a database of its own (a close holds for every later command,
 * so it would refuse other test classes' back-dated commands). Closes only move forward, so each test closes a few
 * days after whatever close is in force when it starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PeriodsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** Where the closes of this class begin, far enough back for all of them to stay before today. */
    private static final LocalDate FIRST_OPEN_DAY = today().minusDays(300);
    private static final int RACE_ROUNDS = 5;
    private static final int RACING_FACILITIES = 8;
    private static final int DRAWDOWNS_PER_FACILITY = 3;

    // Not an ApiIntegrationTest: its shared database would be registered beside this one, and a second context
    // following the shared stream would apply its events a second time.
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, PeriodsTest.class);
    }

    private Api as(String role) {
        return new Api(port, null).as(role);
    }

    private long eventCount() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    @Test
    void aCloseIsShownToEveryRoleAndAnEarlierCloseIsRefusedAppendingNothing() {
        LocalDate through = openDay().plusDays(4);

        Api.Response closed = close(through);
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().get("closedThrough").asString()).isEqualTo(through.toString());
        assertThat(closed.position()).isPositive();
        for (String role : List.of("GOVERNANCE", "OPERATOR", "TREASURY", "MANUFACTURER", "AUDITOR", "ADMIN")) {
            Api.Response periods = as(role).get("/api/v1/periods");
            assertThat(periods.status()).as(role + " " + periods).isEqualTo(200);
            assertThat(periods.json().get("closedThrough").asString()).as(role).isEqualTo(through.toString());
        }

        long before = eventCount();
        Api.Response earlier = close(through.minusDays(1));
        assertThat(earlier.status()).as(earlier.toString()).isEqualTo(409);
        assertThat(earlier.json().get("code").asString()).isEqualTo("period-close-earlier");
        assertThat(earlier.json().get("detail").asString()).isEqualTo("the books are closed through " + through
                + "; a close through " + through.minusDays(1) + ", earlier, would reopen them");
        assertThat(eventCount()).isEqualTo(before);

        Api.Response again = close(through);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("closedThrough").asString()).isEqualTo(through.toString());
        assertThat(again.position()).as("the position of the close in force").isEqualTo(closed.position());
        assertThat(eventCount()).isEqualTo(before);

        Api.Response byOperator = as("OPERATOR").post("/api/v1/periods/close", Api.json("through", through.toString()));
        assertThat(byOperator.status()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(as("GOVERNANCE").get("/api/v1/periods").json().get("closedThrough").asString())
                .isEqualTo(through.toString());
    }

    @Test
    void aCloseRepeatedWithItsIdempotencyKeyAnswersTheFirstAnswer() {
        LocalDate through = openDay().plusDays(1);
        Api governance = as("GOVERNANCE").withHeader("Idempotency-Key", "close-" + through);
        String body = Api.json("through", through.toString());

        Api.Response first = governance.post("/api/v1/periods/close", body);
        long after = eventCount();
        Api.Response replay = governance.post("/api/v1/periods/close", body);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replay")).isEqualTo("true");
        assertThat(replay.json()).isEqualTo(first.json());
        assertThat(eventCount()).isEqualTo(after);
        Api.Response reused = governance.post("/api/v1/periods/close",
                Api.json("through", through.minusDays(1).toString()));
        assertThat(reused.status()).isEqualTo(422);
    }

    @Test
    void stockMovementsAndTheirReversalsDatedInAClosedPeriodAreRefusedAppendingNothing() {
        Reserve reserve = new Reserve(new Api(port, null), jdbc);
        Api operator = as("OPERATOR");
        LocalDate open = openDay();
        String site = reserve.registerSite("NV", "100");
        Api.Response deposit = reserve.deposit(site, "LITHIUM", "10", "12000", "CL", open + "T09:00:00Z");
        assertThat(deposit.status()).as(deposit.toString()).isEqualTo(201);
        Api.Response withdrawal = operator.post("/api/v1/sites/" + site + "/withdrawals", Api.json("mineral", "LITHIUM",
                "quantityTonnes", 2, "reason", "ROTATION", "withdrawnAt", open.plusDays(1) + "T09:00:00Z"));
        assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(201);
        assertThat(close(open.plusDays(1)).status()).isEqualTo(200);

        long before = eventCount();
        List<Api.Response> refused = List.of(
                reserve.deposit(site, "LITHIUM", "1", "12000", "CL", open.plusDays(1) + "T10:00:00Z"),
                operator.post("/api/v1/sites/" + site + "/withdrawals", Api.json("mineral", "LITHIUM",
                        "quantityTonnes", 1, "reason", "ROTATION", "withdrawnAt", open + "T12:00:00Z")),
                operator.post("/api/v1/sites/" + site + "/deposits/" + deposit.json().get("depositId").asString()
                        + "/reversal", Api.json("reason", "keyed twice")),
                operator.post("/api/v1/sites/" + site + "/withdrawals/" + withdrawal.json().get("withdrawalId").asString()
                        + "/reversal", Api.json("reason", "cancelled")),
                as("GOVERNANCE").put("/api/v1/reference-prices/LITHIUM", Api.json("pricePerTonneUsd", 1,
                        "effectiveFrom", open.toString())));
        for (Api.Response response : refused) {
            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            assertThat(response.json().get("code").asString()).isEqualTo("period-closed");
        }
        assertThat(eventCount()).isEqualTo(before);
        // The day after the close is open.
        assertThat(operator.post("/api/v1/sites/" + site + "/withdrawals", Api.json("mineral", "LITHIUM",
                "quantityTonnes", 1, "reason", "ROTATION", "withdrawnAt", open.plusDays(2) + "T09:00:00Z")).status())
                .isEqualTo(201);
    }

    @Test
    void aCloseReachesTodayAtTheLatest() {
        long before = eventCount();
        LocalDate tomorrow = today().plusDays(1);

        Api.Response ahead = close(tomorrow);

        assertThat(ahead.status()).as(ahead.toString()).isEqualTo(400);
        assertThat(ahead.header("Content-Type")).startsWith("application/problem+json");
        assertThat(ahead.json().get("code").asString()).isEqualTo("business-date-in-future");
        assertThat(fields(ahead)).containsExactly("through");
        assertThat(ahead.json().get("detail").asString()).isEqualTo("the books can be closed through today, "
                + today() + ", at the latest; not through " + tomorrow);
        assertThat(eventCount()).isEqualTo(before);
        Api.Response missing = as("GOVERNANCE").post("/api/v1/periods/close", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing)).containsExactly("through");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void financingFlowsDatedInTheClosedPeriodAreRefusedAndThoseAfterItAccepted() {
        LocalDate open = openDay();
        String facility = facility();
        assertThat(drawdown(facility, open).status()).isEqualTo(201);
        String investor = investor();
        String call = capitalCall(open.plusDays(30));
        LocalDate through = open.plusDays(2);
        assertThat(close(through).status()).isEqualTo(200);
        long before = eventCount();

        List<Api.Response> refused = List.of(drawdown(facility, through), drawdown(facility, through.minusDays(1)),
                repay(facility, through), contribute(investor, call, through));

        for (Api.Response response : refused) {
            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            assertThat(response.json().get("code").asString()).isEqualTo("period-closed");
        }
        assertThat(refused.getFirst().json().get("detail").asString())
                .isEqualTo("the draw loan command is dated " + through + ", in the period closed through " + through);
        assertThat(eventCount()).isEqualTo(before);

        LocalDate after = through.plusDays(1);
        Api.Response drawn = drawdown(facility, after);
        assertThat(drawn.status()).as(drawn.toString()).isEqualTo(201);
        Api.Response repaid = repay(facility, after);
        assertThat(repaid.status()).as(repaid.toString()).isEqualTo(201);
        Api.Response contributed = contribute(investor, call, after);
        assertThat(contributed.status()).as(contributed.toString()).isEqualTo(201);
        assertThat(eventCount()).isGreaterThan(before);
    }

    @Test
    void financingFlowsDatedAfterTodayAreRefusedNamingValueDate() {
        String facility = facility();
        String investor = investor();
        String call = capitalCall(today());
        LocalDate tomorrow = today().plusDays(1);
        long before = eventCount();

        List<Api.Response> ahead = List.of(drawdown(facility, tomorrow), repay(facility, tomorrow),
                contribute(investor, call, tomorrow));

        for (Api.Response response : ahead) {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).isEqualTo("business-date-in-future");
            assertThat(fields(response)).containsExactly("valueDate");
            assertThat(response.json().get("errors").get(0).get("message").asString())
                    .isEqualTo("valueDate " + tomorrow + " is after today, " + today()
                            + ": the books record what has happened");
        }
        assertThat(eventCount()).isEqualTo(before);
        Api.Response drawnToday = drawdown(facility, today());
        assertThat(drawnToday.status()).as(drawnToday.toString()).isEqualTo(201);
    }

    /**
     * Drawdowns dated D race a close through D. Whichever way each pair falls, no drawdown dated D may stand after
     * the close in the stream: it was appended before the close, or it was refused.
     */
    @Test
    void noDrawdownDatedOnOrBeforeACloseIsAppendedAfterIt() throws Exception {
        for (int round = 1; round <= RACE_ROUNDS; round++) {
            LocalDate day = openDay();
            List<String> facilities = new ArrayList<>();
            for (int i = 0; i < RACING_FACILITIES; i++) {
                facilities.add(facility());
            }
            List<Callable<List<Api.Response>>> calls = new ArrayList<>();
            calls.add(() -> List.of(close(day)));
            for (String facility : facilities) {
                calls.add(() -> {
                    List<Api.Response> responses = new ArrayList<>();
                    for (int i = 0; i < DRAWDOWNS_PER_FACILITY; i++) {
                        responses.add(drawdown(facility, day));
                    }
                    return responses;
                });
            }

            List<List<Api.Response>> results = race(calls);

            Api.Response closed = results.getFirst().getFirst();
            assertThat(closed.status()).as("round " + round + " " + closed).isEqualTo(200);
            long closePosition = closed.position();
            List<Api.Response> drawdowns = results.subList(1, results.size()).stream().flatMap(List::stream).toList();
            assertThat(drawdowns).hasSize(RACING_FACILITIES * DRAWDOWNS_PER_FACILITY);
            int accepted = 0;
            for (Api.Response drawdown : drawdowns) {
                if (drawdown.status() == 201) {
                    accepted++;
                    assertThat(drawdown.position()).as("round %d: a drawdown dated %s accepted after the close at %d",
                            round, day, closePosition).isLessThan(closePosition);
                } else {
                    assertThat(drawdown.status()).as("round " + round + " " + drawdown).isEqualTo(409);
                    assertThat(drawdown.json().get("code").asString()).isEqualTo("period-closed");
                }
            }
            List<String> aggregates = facilities.stream().map(f -> "facility:" + f).toList();
            assertThat(loanDrawnEvents(aggregates, 0)).as("round " + round).isEqualTo(accepted);
            assertThat(loanDrawnEvents(aggregates, closePosition)).as("round " + round + ": drawdowns after the close")
                    .isZero();
        }
    }

    private long loanDrawnEvents(List<String> aggregates, long after) {
        return jdbc.sql("""
                        select count(*) from domain_event_entry
                        where payload_type = 'org.reserveledger.domain.financing.LoanDrawn'
                          and aggregate_identifier in (:aggregates) and global_index > :after
                        """)
                .param("aggregates", aggregates)
                .param("after", after)
                .query(Long.class)
                .single();
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> race(List<Callable<T>> calls) throws Exception {
        return Concurrently.race(calls.toArray(Callable[]::new));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The first day after the close in force. */
    private LocalDate openDay() {
        JsonNode closedThrough = as("AUDITOR").get("/api/v1/periods").json().get("closedThrough");
        return closedThrough.isNull() ? FIRST_OPEN_DAY : LocalDate.parse(closedThrough.asString()).plusDays(1);
    }

    private static List<String> fields(Api.Response problem) {
        List<String> fields = new ArrayList<>();
        problem.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    private Api.Response close(LocalDate through) {
        return as("GOVERNANCE").post("/api/v1/periods/close", Api.json("through", through.toString()));
    }

    private String facility() {
        String id = Reserve.newSiteId("EXIM");
        Api.Response response = as("TREASURY").post("/api/v1/financing/facilities", """
                {"facilityId":"%s","lender":"Export-Import Bank of the United States","limitUsd":1000000.00,
                 "annualInterestRatePct":4.5,"dayCount":"ACT_360","maturityDate":"%s"}
                """.formatted(id, today().plusYears(15)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return id;
    }

    private Api.Response drawdown(String facility, LocalDate valueDate) {
        return as("TREASURY").post("/api/v1/financing/facilities/" + facility + "/drawdowns",
                Api.json("amountUsd", 1000, "valueDate", valueDate.toString(), "purpose", "Procurement"));
    }

    private Api.Response repay(String facility, LocalDate valueDate) {
        return as("TREASURY").post("/api/v1/financing/facilities/" + facility + "/repayments",
                Api.json("amountUsd", 1, "valueDate", valueDate.toString()));
    }

    private String investor() {
        String id = Reserve.newSiteId("INV");
        Api.Response response = as("TREASURY").post("/api/v1/financing/investors",
                Api.json("investorId", id, "name", "Fund " + id, "commitmentUsd", 1000000));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return id;
    }

    /** A call of 100,000.00 shared by the few investors this class admits, each owing far more than 1.00 of it. */
    private String capitalCall(LocalDate dueDate) {
        Api.Response response = as("TREASURY").post("/api/v1/financing/capital-calls",
                Api.json("amountUsd", 100000, "dueDate", dueDate.toString()));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("capitalCallId").asString();
    }

    private Api.Response contribute(String investor, String capitalCallId, LocalDate valueDate) {
        return as("TREASURY").post("/api/v1/financing/investors/" + investor + "/contributions",
                Api.json("capitalCallId", capitalCallId, "amountUsd", 1, "valueDate", valueDate.toString()));
    }
}

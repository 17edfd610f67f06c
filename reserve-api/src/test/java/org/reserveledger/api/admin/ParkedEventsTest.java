package org.reserveledger.api.admin;

import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.Eventually;
import org.reserveledger.api.support.Reserve;
import org.reserveledger.api.support.TestDatabase;
import org.reserveledger.domain.financing.CapitalCalled;
import org.reserveledger.domain.financing.PrivateCapital;
import org.reserveledger.domain.shared.CapitalCallId;
import org.reserveledger.domain.shared.InvestorId;
import org.reserveledger.domain.shared.Usd;
import org.reserveledger.domain.commitment.StorageFeeCharged;
import org.reserveledger.projections.audit.EventAttestation;
import org.reserveledger.projections.tracking.ProjectionPositions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events a projection cannot apply, written behind the service's back as a broken upcaster or an
 * earlier version would leave them, are parked in the projection's dead-letter queue: the stream
 * keeps flowing past them, health and the admin view report them, the events of their sequence
 * wait behind them instead of being skipped, and once they are evicted the rest is applied.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "reserve.projections.dead-letters.schedule=false")
@ActiveProfiles("test")
class ParkedEventsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Serializer serializer;

    @Autowired
    EventAttestation attestation;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ProjectionPositions positions;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, ParkedEventsTest.class);
    }

    @Test
    void aFailingEventIsParkedWithoutItsPartialWritesWhileOtherAggregatesKeepFlowingAndItsOwnWaitBehindIt() {
        Api treasury = new Api(port, null).as("TREASURY");
        Api admin = new Api(port, null).as("ADMIN");
        String first = investor(treasury, "1000000.00");
        String facility = Reserve.newSiteId("EXIM");
        assertThat(treasury.post("/api/v1/financing/facilities", """
                {"facilityId":"%s","lender":"EXIM","limitUsd":5000000,"annualInterestRatePct":4,"dayCount":"ACT_360",
                 "maturityDate":"2040-12-31"}""".formatted(facility)).status()).isEqualTo(201);

        // A call allocated twice to one investor: its call row is written, then its second allocation breaks a key.
        UUID callId = UUID.randomUUID();
        Usd half = Usd.of("100000.00");
        long poisoned = append(PrivateCapital.ID, "PrivateCapital", CapitalCalled.class.getName(),
                serializer.serialize(new CapitalCalled(new CapitalCallId(callId), Usd.of("200000.00"),
                        LocalDate.parse("2026-06-30"), List.of(new CapitalCalled.Allocation(new InvestorId(first), half),
                                new CapitalCalled.Allocation(new InvestorId(first), half))), byte[].class).getData());

        investor(treasury, "2500000.00");
        long secondPosition = reserve().head();
        Api.Response drawn = treasury.post("/api/v1/financing/facilities/" + facility + "/drawdowns",
                "{\"amountUsd\":750000,\"valueDate\":\"2026-01-15\",\"purpose\":\"Procurement\"}");
        assertThat(drawn.status()).as(drawn.toString()).isEqualTo(201);
        await(() -> positions.hasApplied("financing", drawn.position()), "financing to pass the drawdown");

        // Another aggregate's events are applied; the failing call left no row; the investor admitted after it waits.
        JsonNode view = financing();
        assertThat(facilityIn(view, facility).get("drawnUsd").decimalValue()).isEqualByComparingTo("750000.00");
        assertThat(jdbc.sql("select count(*) from financing_capital_call where capital_call_id = :id")
                .param("id", callId).query(Long.class).single()).isZero();
        assertThat(view.get("privateCapital").get("committedUsd").decimalValue()).isEqualByComparingTo("1000000.00");
        assertThat(view.get("privateCapital").get("calledUsd").decimalValue()).isEqualByComparingTo("0.00");

        Api.Response health = admin.get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asString()).isEqualTo("OUT_OF_SERVICE");
        JsonNode reported = health.json().get("components").get("eventProcessors").get("details").get("financing");
        assertThat(reported.get("parked").asLong()).isEqualTo(2);
        assertThat(reported.get("firstParked").get("sequence").asString()).isEqualTo(PrivateCapital.ID);
        assertThat(reported.get("firstParked").get("position").asLong()).isEqualTo(poisoned);
        assertThat(reported.get("firstParked").get("eventType").asString()).isEqualTo("CapitalCalled");
        assertThat(reported.get("firstParked").get("error").asString()).contains("financing_capital_allocation");

        JsonNode letters = deadLetters(admin, "financing");
        assertThat(letters.get("count").asLong()).isEqualTo(2);
        JsonNode failed = letters.get("letters").get(0);
        assertThat(failed.get("sequence").asString()).isEqualTo(PrivateCapital.ID);
        assertThat(failed.get("position").asLong()).isEqualTo(poisoned);
        assertThat(failed.get("eventType").asString()).isEqualTo("CapitalCalled");
        assertThat(failed.get("error").asString()).contains("duplicate key");
        assertThat(failed.get("retries").asLong()).isZero();
        assertThat(failed.get("enqueuedAt").isNull()).isFalse();
        assertThat(failed.get("lastTouched").isNull()).isFalse();
        JsonNode waiting = letters.get("letters").get(1);
        assertThat(waiting.get("sequence").asString()).isEqualTo(PrivateCapital.ID);
        assertThat(waiting.get("position").asLong()).isEqualTo(secondPosition);
        assertThat(waiting.get("eventType").asString()).isEqualTo("InvestorAdmitted");
        assertThat(waiting.get("error").isNull()).isTrue();
        assertThat(deadLetters(admin, "inventory").get("count").asLong()).isZero();

        // Retrying before the cause is gone fails again and counts the attempt.
        Api.Response retried = admin.post("/api/v1/admin/projections/financing/dead-letters/retry", null);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().get("cleared")).isEmpty();
        assertThat(retried.json().get("stillParked").get(0).get("retries").asLong()).isEqualTo(1);

        // Evicting the event that fails lets the one waiting behind it follow at the next retry.
        Api.Response evicted = admin.send("DELETE", "/api/v1/admin/projections/financing/dead-letters/" + PrivateCapital.ID,
                null, null);
        assertThat(evicted.status()).as(evicted.toString()).isEqualTo(200);
        assertThat(evicted.json().get("evicted").get("position").asLong()).isEqualTo(poisoned);
        assertThat(evicted.json().get("remaining").asLong()).isEqualTo(1);
        Api.Response cleared = admin.post("/api/v1/admin/projections/financing/dead-letters/retry", null);
        assertThat(cleared.json().get("cleared").get(0).asString()).isEqualTo(PrivateCapital.ID);

        JsonNode after = financing();
        assertThat(after.get("privateCapital").get("committedUsd").decimalValue())
                .isEqualByComparingTo(new BigDecimal("1000000.00").add(new BigDecimal("2500000.00")));
        assertThat(after.get("privateCapital").get("calledUsd").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(deadLetters(admin, "financing").get("count").asLong()).isZero();
        assertThat(admin.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void anUnreadableEventStopsAProjectionThatJoinsAggregatesAndTheEventsBehindItFollowOnceItIsEvicted() {
        Api governance = new Api(port, null).as("GOVERNANCE");
        Api admin = new Api(port, null).as("ADMIN");
        String first = commitment(governance, "LITHIUM", "100");
        String aggregate = jdbc.sql("""
                        select aggregate_identifier from domain_event_entry
                        where payload_type like '%.CommitmentMade' and convert_from(payload, 'UTF8') like :id
                        """)
                .param("id", "%" + first + "%").query(String.class).single();

        // A storage fee whose month no version of the service could read.
        long unreadable = append(aggregate, "Commitment", StorageFeeCharged.class.getName(), """
                {"commitmentId":"%s","month":"the thirteenth","from":"2026-01-01","to":"2026-01-31","days":31,
                 "amount":"a lot"}""".formatted(first).getBytes(StandardCharsets.UTF_8));

        String second = commitment(governance, "LITHIUM", "40");
        long head = reserve().head();
        await(() -> positions.hasApplied("commitments", head) && positions.hasApplied("inventory", head)
                && positions.hasApplied("financing", head), "every projection to pass the second commitment");

        // The commitments projection parked the second manufacturer and its commitment behind the unreadable event.
        Api.Response parkedView = admin.get("/api/v1/views/commitments");
        assertThat(parkedView.header("X-Projection-Parked")).as("the view says what it does not show yet")
                .isEqualTo("commitments");
        JsonNode commitments = parkedView.json().get("commitments");
        assertThat(commitments).extracting(c -> c.get("commitmentId").asString()).containsExactly(first);
        JsonNode letters = deadLetters(admin, "commitments");
        assertThat(letters.get("count").asLong()).isEqualTo(3);
        assertThat(letters.get("letters").get(0).get("position").asLong()).isEqualTo(unreadable);
        assertThat(letters.get("letters").get(0).get("eventType").asString()).isEqualTo("StorageFeeCharged");
        assertThat(letters.get("letters").get(0).get("error").asString()).isNotBlank();
        assertThat(letters.get("letters")).extracting(letter -> letter.get("eventType").asString())
                .containsExactly("StorageFeeCharged", "ManufacturerRegistered", "CommitmentMade");
        assertThat(letters.get("letters").get(2).get("aggregateId").asString()).isEqualTo(second);
        assertThat(letters.get("letters").get(2).get("position").asLong()).isEqualTo(head);
        // Inventory does not read storage fees and keeps flowing; financing parks only the first commitment's sequence.
        JsonNode lithium = null;
        for (JsonNode mineral : admin.get("/api/v1/views/inventory-by-mineral").json().get("minerals")) {
            if (mineral.get("mineral").asString().equals("LITHIUM")) {
                lithium = mineral;
            }
        }
        assertThat(lithium).isNotNull();
        assertThat(lithium.get("committedTonnes").decimalValue()).isEqualByComparingTo(new BigDecimal("140"));
        JsonNode financing = deadLetters(admin, "financing");
        assertThat(financing.get("count").asLong()).isEqualTo(1);
        assertThat(financing.get("letters").get(0).get("sequence").asString()).isEqualTo(aggregate);
        assertThat(admin.get("/actuator/health").json().get("components").get("eventProcessors").get("details")
                .get("commitments").get("firstParked").get("position").asLong()).isEqualTo(unreadable);

        assertThat(admin.send("DELETE", "/api/v1/admin/projections/commitments/dead-letters/commitments", null, null)
                .status()).isEqualTo(200);
        assertThat(admin.send("DELETE", "/api/v1/admin/projections/financing/dead-letters/" + aggregate, null, null)
                .status()).isEqualTo(200);
        Api.Response retried = admin.post("/api/v1/admin/projections/commitments/dead-letters/retry", null);
        assertThat(retried.json().get("cleared").get(0).asString()).isEqualTo("commitments");

        Api.Response convergedView = admin.get("/api/v1/views/commitments");
        assertThat(convergedView.header("X-Projection-Parked")).isNull();
        JsonNode converged = convergedView.json().get("commitments");
        assertThat(converged).extracting(c -> c.get("commitmentId").asString()).containsExactlyInAnyOrder(first, second);
        for (JsonNode c : converged) {
            assertThat(c.get("storageFeesChargedUsd").decimalValue()).isEqualByComparingTo("0.00");
        }
        assertThat(admin.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void onlyAdminsRetryOrEvictAndUnknownProjectionsOrSequencesAreProblems() {
        for (String role : List.of("OPERATOR", "AUDITOR", "TREASURY")) {
            Api other = new Api(port, null).as(role);
            assertThat(other.post("/api/v1/admin/projections/financing/dead-letters/retry", null).status()).isEqualTo(403);
            assertThat(other.send("DELETE", "/api/v1/admin/projections/financing/dead-letters/x", null, null).status())
                    .isEqualTo(403);
        }
        Api admin = new Api(port, null).as("ADMIN");
        Api.Response unknown = admin.post("/api/v1/admin/projections/ledger/dead-letters/retry", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        Api.Response nothingParked = admin.send("DELETE", "/api/v1/admin/projections/financing/dead-letters/nothing-here",
                null, null);
        assertThat(nothingParked.status()).isEqualTo(404);
        assertThat(nothingParked.header("Content-Type")).startsWith("application/problem+json");
    }

    private Reserve reserve() {
        return new Reserve(new Api(port, null), jdbc);
    }

    private JsonNode financing() {
        Api.Response response = new Api(port, null).as("AUDITOR").get("/api/v1/views/financing?valueDate=2030-12-31");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode facilityIn(JsonNode view, String facility) {
        for (JsonNode f : view.get("facilities")) {
            if (f.get("facilityId").asString().equals(facility)) {
                return f;
            }
        }
        throw new AssertionError("no facility " + facility + " in " + view);
    }

    private static JsonNode deadLetters(Api admin, String projection) {
        Api.Response response = admin.get("/api/v1/admin/projections/" + projection);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("deadLetters");
    }

    private static String investor(Api treasury, String commitment) {
        String id = Reserve.newSiteId("INV");
        Api.Response response = treasury.post("/api/v1/financing/investors",
                "{\"investorId\":\"%s\",\"name\":\"Fund %s\",\"commitmentUsd\":%s}".formatted(id, id, commitment));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return id;
    }

    private static String commitment(Api governance, String mineral, String tonnes) {
        String manufacturer = Reserve.newSiteId("MFR");
        assertThat(governance.post("/api/v1/manufacturers", Api.json("manufacturerId", manufacturer, "name", "Maker"))
                .status()).isEqualTo(201);
        Api.Response response = governance.post("/api/v1/commitments", """
                {"manufacturerId":"%s","mineral":"%s","quantityTonnes":%s,"pricePerTonneUsd":12000,
                 "startDate":"2026-01-01","endDate":"2030-12-31","upfrontFeeUsd":1000,"storageFeePerTonneMonthUsd":10,
                 "replenishWithinDays":30}""".formatted(manufacturer, mineral, tonnes));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("commitmentId").asString();
    }

    /** Appends an event to an aggregate's stream as it stands in the table, attested like any other. */
    private long append(String aggregate, String aggregateType, String payloadType, byte[] payload) {
        String eventId = UUID.randomUUID().toString();
        return new TransactionTemplate(transactions).execute(status -> {
            long sequence = jdbc.sql("select coalesce(max(sequence_number), -1) + 1 from domain_event_entry "
                    + "where aggregate_identifier = :aggregate").param("aggregate", aggregate).query(Long.class).single();
            long position = jdbc.sql("""
                            insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                time_stamp, payload_type, payload_revision, payload, meta_data)
                            values (:id, :aggregate, :sequence, :type, :at, :payloadType, null, :payload, :metaData)
                            returning global_index
                            """)
                    .param("id", eventId)
                    .param("aggregate", aggregate)
                    .param("sequence", sequence)
                    .param("type", aggregateType)
                    .param("at", Instant.now().toString())
                    .param("payloadType", payloadType)
                    .param("payload", payload)
                    .param("metaData", "{\"actor\":\"upgrade\"}".getBytes(StandardCharsets.UTF_8))
                    .query(Long.class).single();
            attestation.attest(List.of(eventId));
            return position;
        });
    }

    private static void await(BooleanSupplier condition, String what) {
        Eventually.await(what, Duration.ofSeconds(60), Duration.ofMillis(50), condition);
    }
}

package org.reserveledger.api.axon;

import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.Reserve;
import org.reserveledger.api.support.TestDatabase;
import org.reserveledger.domain.inventory.LotPortion;
import org.reserveledger.domain.inventory.StockWithdrawn;
import org.reserveledger.domain.inventory.WithdrawalReason;
import org.reserveledger.domain.pricing.ReferencePriceSet;
import org.reserveledger.domain.shared.LotId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.Usd;
import org.reserveledger.domain.shared.WithdrawalId;
import org.reserveledger.projections.audit.EventAttestation;
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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream holding events in their first shapes (a {@link ReferencePriceSet} without its source, a
 * {@link StockWithdrawn} without its business instant), as an earlier version of the service wrote and
 * attested them, still replays everywhere: the aggregate, the live view, a rebuild, a point-in-time answer
 * and the audit chain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OldEventShapesTest {

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

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, OldEventShapesTest.class);
    }

    @Test
    void aReferencePriceOfTheFirstShapeReplaysEverywhere() throws Exception {
        Reserve reserve = new Reserve(new Api(port, null), jdbc);
        String site = reserve.registerSite("PA", "100");
        assertThat(reserve.deposit(site, "COBALT", "10", "30000", "CD").status()).isEqualTo(201);
        long oldPosition = appendInTheFirstShape(Mineral.COBALT, "31000.00", "2025-01-01");

        Api auditor = new Api(port, null).as("AUDITOR");
        JsonNode cobalt = cobaltAt(site, auditor.get("/api/v1/views/inventory-by-site?minPosition=" + oldPosition).json());
        assertThat(cobalt.get("referenceValueUsd").decimalValue()).isEqualByComparingTo("310000.00");

        // The aggregate replays the old event and takes prices for any date after it.
        Api governance = new Api(port, null).as("GOVERNANCE");
        Api.Response earlier = governance.put("/api/v1/reference-prices/COBALT",
                Api.json("pricePerTonneUsd", 30500, "effectiveFrom", "2024-12-01"));
        assertThat(earlier.status()).as(earlier.toString()).isEqualTo(200);
        Api.Response later = governance.put("/api/v1/reference-prices/COBALT",
                Api.json("pricePerTonneUsd", 32000, "effectiveFrom", "2025-06-01", "source", "LME official price"));
        assertThat(later.status()).as(later.toString()).isEqualTo(200);

        // The stream keeps both shapes as written.
        JsonNode events = auditor.get("/api/v1/audit/events?afterPosition=" + (oldPosition - 1) + "&limit=1000").json()
                .get("events");
        JsonNode old = events.get(0);
        assertThat(old.get("position").asLong()).isEqualTo(oldPosition);
        assertThat(old.get("payloadRevision").isNull()).isTrue();
        assertThat(old.get("payload").has("source")).isFalse();
        JsonNode current = events.get(events.size() - 1);
        assertThat(current.get("type").asString()).isEqualTo("ReferencePriceSet");
        assertThat(current.get("payloadRevision").asString()).isEqualTo("2");
        assertThat(current.get("payload").get("source").asString()).isEqualTo("LME official price");
        assertThat(auditor.get("/api/v1/audit/verify").json().get("ok").asBoolean()).isTrue();

        // A point-in-time answer and a rebuild replay the old shape too.
        Instant afterOld = Instant.parse(old.get("timestamp").asString()).plusMillis(1);
        JsonNode then = cobaltAt(site, auditor.get("/api/v1/views/inventory-by-site?asOf=" + afterOld).json());
        assertThat(then.get("referenceValueUsd").decimalValue()).isEqualByComparingTo("310000.00");

        JsonNode before = auditor.get("/api/v1/views/inventory-by-site?minPosition=" + later.position()).json();
        assertThat(cobaltAt(site, before).get("referenceValueUsd").decimalValue()).isEqualByComparingTo("320000.00");
        Api admin = new Api(port, null).as("ADMIN");
        assertThat(admin.post("/api/v1/admin/projections/inventory/rebuild", null).status()).isEqualTo(202);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (admin.get("/api/v1/admin/projections/inventory").json().get("replaying").asBoolean()) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(20);
        }
        JsonNode rebuilt = admin.get("/api/v1/admin/projections/inventory").json().get("rebuild");
        assertThat(rebuilt.get("failure").isNull()).as(rebuilt.toString()).isTrue();
        assertThat(auditor.get("/api/v1/views/inventory-by-site").json()).isEqualTo(before);
    }

    @Test
    void siteMovementsOfTheFirstShapeHappenInTheBooksWhenTheyWereRecorded() throws Exception {
        Reserve reserve = new Reserve(new Api(port, null), jdbc);
        String site = reserve.registerSite("OR", "100");
        JsonNode deposit = reserve.deposit(site, "COBALT", "10", "30000", "CD", "2025-03-01T00:00:00Z").json();
        // A withdrawal as the service wrote it before site movements carried their business instant.
        StockWithdrawn withdrawal = new StockWithdrawn(SiteId.of(site), WithdrawalId.random(), Mineral.COBALT,
                Tonnes.of("4"), WithdrawalReason.ROTATION, null,
                List.of(new LotPortion(LotId.of(deposit.get("lotId").asString()), Tonnes.of("4"))), Instant.EPOCH);
        Instant recordedAt = Instant.parse("2025-04-10T12:00:00Z");
        long position = appendInTheFirstShape("Site", site, 2, withdrawal, "withdrawnAt", recordedAt, "operator");

        // The views, live and rebuilt, place it on the day it was recorded: 10 t before, 6 t after.
        Api auditor = new Api(port, null).as("AUDITOR");
        JsonNode before = cobaltAt(site, auditor.get("/api/v1/views/inventory-by-site?valueDate=2025-04-09&minPosition="
                + position).json());
        assertThat(before.get("onHandTonnes").decimalValue()).isEqualByComparingTo("10");
        JsonNode after = cobaltAt(site, auditor.get("/api/v1/views/inventory-by-site?valueDate=2025-04-10").json());
        assertThat(after.get("onHandTonnes").decimalValue()).isEqualByComparingTo("6");

        // The site aggregate replays it: a withdrawal dated before it may take only what it left (6 t).
        Api operator = new Api(port, null).as("OPERATOR");
        Api.Response tooMuch = operator.post("/api/v1/sites/" + site + "/withdrawals", Api.json("mineral", "COBALT",
                "quantityTonnes", 6.001, "reason", "ROTATION", "withdrawnAt", "2025-04-01T00:00:00Z"));
        assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(409);
        Api.Response enough = operator.post("/api/v1/sites/" + site + "/withdrawals", Api.json("mineral", "COBALT",
                "quantityTonnes", 6, "reason", "ROTATION", "withdrawnAt", "2025-04-01T00:00:00Z"));
        assertThat(enough.status()).as(enough.toString()).isEqualTo(201);
        assertThat(auditor.get("/api/v1/audit/verify").json().get("ok").asBoolean()).isTrue();
    }

    /** Appends the event as the first version of the service did: its shape, its revision (none), its attestation. */
    private long appendInTheFirstShape(String aggregateType, String aggregateId, long sequence, Object event,
                                       String droppedField, Instant recordedAt, String actor) {
        ObjectNode payload = (ObjectNode) JsonMapper.builder().build().readTree(serializer.serialize(event, byte[].class)
                .getData());
        payload.remove(droppedField);
        String eventId = UUID.randomUUID().toString();
        return new TransactionTemplate(transactions).execute(status -> {
            long position = jdbc.sql("""
                            insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                time_stamp, payload_type, payload_revision, payload, meta_data)
                            values (:id, :aggregate, :sequence, :aggregateType, :at, :type, null, :payload, :metaData)
                            returning global_index
                            """)
                    .param("id", eventId)
                    .param("aggregate", aggregateId)
                    .param("sequence", sequence)
                    .param("aggregateType", aggregateType)
                    .param("at", recordedAt.toString())
                    .param("type", event.getClass().getName())
                    .param("payload", payload.toString().getBytes(StandardCharsets.UTF_8))
                    .param("metaData", ("{\"actor\":\"" + actor + "\"}").getBytes(StandardCharsets.UTF_8))
                    .query(Long.class).single();
            attestation.attest(List.of(eventId));
            return position;
        });
    }

    /** A reference price as the first version of the service wrote it, without its source. */
    private long appendInTheFirstShape(Mineral mineral, String price, String effectiveFrom) {
        return appendInTheFirstShape("ReferencePrice", "reference-price:" + mineral.name(), 0,
                new ReferencePriceSet(mineral, Usd.of(price), LocalDate.parse(effectiveFrom), "dropped"), "source",
                Instant.now(), "governance");
    }

    private static JsonNode cobaltAt(String site, JsonNode bySite) {
        for (JsonNode s : bySite.get("sites")) {
            if (s.get("siteId").asString().equals(site)) {
                for (JsonNode mineral : s.get("minerals")) {
                    if (mineral.get("mineral").asString().equals("COBALT")) {
                        return mineral;
                    }
                }
            }
        }
        throw new AssertionError("no cobalt at " + site + " in " + bySite);
    }
}

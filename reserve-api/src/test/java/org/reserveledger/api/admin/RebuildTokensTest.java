package org.reserveledger.api.admin;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild of a projection whose processor reads the stream in two segments moves the token of
 * each segment to where the rebuild ended, and the processor resumes from there: the events
 * appended after the swap, spread over both segments, each reach the rebuilt view exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "reserve.demo=true", "axon.eventhandling.processors.financing.initial-segment-count=2"})
@ActiveProfiles("test")
class RebuildTokensTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Serializer serializer;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, RebuildTokensTest.class);
    }

    @Test
    void everySegmentResumesRightAfterTheSwapAndNoEventIsAppliedTwice() throws Exception {
        Api admin = api().as("ADMIN");
        JsonNode before = financing(head());
        assertThat(tokens()).as("the financing processor's segments").hasSize(2);

        assertThat(admin.post("/api/v1/admin/projections/financing/rebuild", null).status()).isEqualTo(202);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode state;
        while ((state = admin.get("/api/v1/admin/projections/financing").json()).get("replaying").asBoolean()) {
            assertThat(Instant.now()).as("the rebuild finishes").isBefore(deadline);
            Thread.sleep(50);
        }
        JsonNode rebuild = state.get("rebuild");
        assertThat(rebuild.get("failure").isNull()).as(rebuild.toString()).isTrue();
        long swappedAt = rebuild.get("position").asLong();
        for (TrackingToken token : tokens()) {
            assertThat(token.position()).as("each segment's token").hasValue(swappedAt);
        }
        assertThat(financing(swappedAt)).isEqualTo(before);

        // Deposits at every site, so that their events (one sequence per site) fall in both segments.
        List<String> sites = new ArrayList<>();
        JsonNode listed = api().as("AUDITOR").get("/api/v1/sites").json();
        for (JsonNode site : listed.has("sites") ? listed.get("sites") : listed) {
            if (site.get("status").asString().equals("ACTIVE")) {
                sites.add(site.get("siteId").asString());
            }
        }
        assertThat(sites).hasSizeGreaterThan(1);
        Api operator = api().as("OPERATOR");
        BigDecimal bought = BigDecimal.ZERO;
        for (int i = 0; i < 3 * sites.size(); i++) {
            BigDecimal tonnes = new BigDecimal("1.25").add(BigDecimal.valueOf(i));
            Api.Response deposited = operator.post("/api/v1/sites/" + sites.get(i % sites.size()) + "/deposits",
                    Api.json("mineral", "LITHIUM", "form", "carbonate", "quantityTonnes", tonnes, "unitCostUsd", 12000,
                            "supplier", "Atacama Traders", "originCountry", "CL", "fundingSource", "EXIM_LOAN"));
            assertThat(deposited.status()).as(deposited.toString()).isEqualTo(201);
            bought = bought.add(tonnes.multiply(new BigDecimal("12000")));
        }
        long head = head();
        JsonNode after = financing(head);
        assertThat(after.get("sourcesAndUses").get("procurementUsd").decimalValue())
                .isEqualByComparingTo(before.get("sourcesAndUses").get("procurementUsd").decimalValue().add(bought));
        assertThat(jdbc.sql("select count(*) from dead_letter_entry").query(Long.class).single()).isZero();
        // The live view equals the same view replayed independently from the stream.
        assertThat(after).isEqualTo(api().as("AUDITOR").get("/api/v1/views/financing?asOf=" + Instant.now()).json());
        for (TrackingToken token : tokens()) {
            assertThat(token.position().orElseThrow()).as("each segment's token").isGreaterThanOrEqualTo(swappedAt);
        }
    }

    private List<TrackingToken> tokens() {
        return jdbc.sql("select token, token_type from token_entry where processor_name = 'financing' order by segment")
                .query((rs, row) -> (TrackingToken) serializer.deserialize(new SimpleSerializedObject<>(
                        rs.getBytes("token"), byte[].class, rs.getString("token_type"), null)))
                .list();
    }

    private JsonNode financing(long minPosition) {
        Api.Response response = api().as("AUDITOR").get("/api/v1/views/financing?minPosition=" + minPosition);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private long head() {
        return jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
    }

    private Api api() {
        return new Api(port, null);
    }
}

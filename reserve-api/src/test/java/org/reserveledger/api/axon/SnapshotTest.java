package org.reserveledger.api.axon;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;
import org.reserveledger.api.support.Eventually;
import org.reserveledger.domain.inventory.Site;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site with a long history is loaded from its snapshot, and the snapshot keeps everything the
 * rules need: lots in first-in-first-out order with their attributes, and the room used.
 */
class SnapshotTest extends ApiIntegrationTest {

    @Autowired
    AggregateCaches caches;

    @Test
    void aSiteLoadedFromItsSnapshotKeepsItsLotsInOrder() {
        String site = reserve.registerSite("NV", "1000");
        List<String> lots = new ArrayList<>();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        // Deposited newest first: first-in-first-out must follow the receipt time, not the deposit order.
        for (int i = 0; i < 120; i++) {
            Api.Response deposit = reserve.deposit(site, "VANADIUM", "1", "30000", "ZA",
                    start.plusSeconds(3600L * (120 - i)).toString());
            assertThat(deposit.status()).isEqualTo(201);
            lots.addFirst(deposit.json().get("lotId").asString());
        }

        // Snapshots are taken in the background once a command has answered.
        Eventually.await("the site's snapshot", Duration.ofSeconds(10), Duration.ofMillis(20), () -> jdbc.sql(
                        "select count(*) from snapshot_event_entry where aggregate_identifier = :site")
                .param("site", site).query(Long.class).single() > 0);
        var snapshot = jdbc.sql("""
                        select sequence_number, convert_from(payload, 'UTF8') as state
                        from snapshot_event_entry where aggregate_identifier = :site
                        """)
                .param("site", site).query().listOfRows();
        assertThat(snapshot).as("a snapshot after 121 events with a threshold of 100").hasSize(1);
        // The snapshot holds the state after the registration and the deposits up to its sequence number.
        long deposits = ((Number) snapshot.getFirst().get("sequence_number")).longValue();
        JsonNode state = JsonMapper.builder().build().readTree((String) snapshot.getFirst().get("state"));
        assertThat(deposits).isBetween(99L, 120L);
        assertThat(state.get("used").decimalValue()).isEqualByComparingTo(Long.toString(deposits));
        assertThat(state.get("stock").get("VANADIUM")).hasSize((int) deposits);

        // Without its copy in memory, the site is loaded from the snapshot and the events after it.
        caches.forType(Site.class).remove(site);
        Api.Response withdrawal = reserve.withdraw(site, "VANADIUM", "2.5");

        assertThat(withdrawal.status()).isEqualTo(201);
        JsonNode taken = withdrawal.json().get("lots");
        assertThat(taken).hasSize(3);
        assertThat(taken.get(0).get("lotId").asString()).isEqualTo(lots.get(0));
        assertThat(taken.get(1).get("lotId").asString()).isEqualTo(lots.get(1));
        assertThat(taken.get(2).get("lotId").asString()).isEqualTo(lots.get(2));
        assertThat(taken.get(2).get("quantityTonnes").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(reserve.deposit(site, "VANADIUM", "882.5", "1", "ZA").status()).isEqualTo(201);
        assertThat(reserve.deposit(site, "VANADIUM", "0.001", "1", "ZA").status()).isEqualTo(409);
    }
}

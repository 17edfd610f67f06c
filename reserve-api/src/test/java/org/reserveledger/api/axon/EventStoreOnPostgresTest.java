package org.reserveledger.api.axon;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;
import org.reserveledger.api.support.Reserve;
import org.reserveledger.domain.commitment.RegisterManufacturerCommand;
import org.reserveledger.domain.financing.DayCount;
import org.reserveledger.domain.financing.EstablishFacilityCommand;
import org.reserveledger.domain.inventory.RegisterSiteCommand;
import org.reserveledger.domain.shared.FacilityId;
import org.reserveledger.domain.shared.ManufacturerId;
import org.reserveledger.domain.shared.Usd;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The known traps of Axon on PostgreSQL, each shown to be avoided.
 */
class EventStoreOnPostgresTest extends ApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    CommandGateway commandGateway;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void payloadsMetadataAndTokensAreByteaNeverOid() {
        List<Map<String, Object>> columns = jdbc.sql("""
                        select table_name, column_name, data_type from information_schema.columns
                        where table_schema = current_schema()
                          and (table_name, column_name) in (('domain_event_entry', 'payload'), ('domain_event_entry', 'meta_data'),
                              ('snapshot_event_entry', 'payload'), ('snapshot_event_entry', 'meta_data'), ('token_entry', 'token'))
                        """)
                .query().listOfRows();
        assertThat(columns).hasSize(5).allSatisfy(column -> assertThat(column.get("data_type")).isEqualTo("bytea"));
        Long oidColumns = jdbc.sql("""
                        select count(*) from information_schema.columns
                        where table_schema = current_schema() and data_type = 'oid'
                        """)
                .query(Long.class).single();
        assertThat(oidColumns).isZero();
        assertThat(jdbc.sql("select count(*) from pg_largeobject_metadata").query(Long.class).single()).isZero();
    }

    @Test
    void eventsAreReadableJsonCarryingActorCorrelationAndCausation() {
        String site = reserve.registerSite("NV", "100");
        Api.Response deposit = as("OPERATOR").withHeader("X-Correlation-Id", "corr-" + site)
                .post("/api/v1/sites/" + site + "/deposits", """
                        {"mineral":"GERMANIUM","form":"ingot","quantityTonnes":1.25,"unitCostUsd":2500000,
                         "supplier":"Umicore","originCountry":"BE","fundingSource":"EXIM_LOAN"}
                        """);
        assertThat(deposit.status()).isEqualTo(201);

        Map<String, Object> row = jdbc.sql("""
                        select type, payload_type, convert_from(payload, 'UTF8') as payload,
                               convert_from(meta_data, 'UTF8') as meta_data
                        from domain_event_entry where global_index = :position
                        """)
                .param("position", deposit.position())
                .query().singleRow();
        JsonNode payload = JSON.readTree((String) row.get("payload"));
        JsonNode metadata = JSON.readTree((String) row.get("meta_data"));
        assertThat(row.get("type")).isEqualTo("Site");
        assertThat(row.get("payload_type")).isEqualTo("org.reserveledger.domain.inventory.LotDeposited");
        assertThat(payload.get("siteId").asString()).isEqualTo(site);
        assertThat(payload.get("lot").get("quantity").decimalValue()).isEqualByComparingTo("1.25");
        assertThat(payload.get("lot").get("originCountry").asString()).isEqualTo("BE");
        assertThat(metadata.get("actor").asString()).isEqualTo("operator-tester");
        assertThat(metadata.get("actorRole").asString()).isEqualTo("OPERATOR");
        assertThat(metadata.get("correlationId").asString()).isEqualTo("corr-" + site);
        assertThat(metadata.get("causationId").asString()).isNotBlank();
    }

    @Test
    void everyEventOfATransferSharesItsCommandAsCause() {
        String from = reserve.registerSite("NV", "100");
        String to = reserve.registerSite("UT", "100");
        reserve.deposit(from, "TIN", "10", "25000", "BO");

        Api.Response transfer = reserve.transfer(from, to, "TIN", "4");

        List<String> causes = jdbc.sql("""
                        select convert_from(meta_data, 'UTF8') from domain_event_entry
                        where global_index > :after and global_index <= :position
                          and aggregate_identifier in (:sites)
                        """)
                .param("after", transfer.position() - 2)
                .param("position", transfer.position())
                .param("sites", List.of(from, to))
                .query(String.class).list();
        assertThat(causes).hasSize(2);
        assertThat(causes.stream().map(m -> JSON.readTree(m).get("causationId").asString()).distinct()).hasSize(1);
    }

    @Test
    void globalIndexIsAllocatedOneAtATimeInCommitOrderOfItsSequence() {
        Map<String, Object> sequence = jdbc.sql("""
                        select s.seqincrement, s.seqcache from pg_sequence s
                        where s.seqrelid = pg_get_serial_sequence('domain_event_entry', 'global_index')::regclass
                        """)
                .query().singleRow();
        assertThat(((Number) sequence.get("seqincrement")).longValue()).isEqualTo(1);
        assertThat(((Number) sequence.get("seqcache")).longValue()).isEqualTo(1);
    }

    @Test
    void theStreamIsAppendOnly() {
        String site = reserve.registerSite("NV", "100");
        long position = reserve.head();

        assertThatThrownBy(() -> jdbc.sql("update domain_event_entry set type = 'Forged' where global_index = :p")
                .param("p", position).update())
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from domain_event_entry where aggregate_identifier = :site")
                .param("site", site).update())
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate domain_event_entry").update())
                .isInstanceOf(DataAccessException.class);
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :site")
                .param("site", site).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void eventsCommittedAfterLaterPositionsAreVisibleStillReachEveryProjection() throws Exception {
        String late = Reserve.newSiteId("ID");
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MetaData slowWriterOrigin = MetaData.with(CommandOrigin.ACTOR, "slow-writer");
        CompletableFuture<Void> slowWriter = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    // One transaction appends an event for each projection, then holds back its commit.
                    commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                                    new RegisterSiteCommand(SiteId.of(late), "Late Depot", "ID", Tonnes.of("10")))
                            .andMetaData(slowWriterOrigin));
                    commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                                    new RegisterManufacturerCommand(ManufacturerId.of(late), "Late Maker"))
                            .andMetaData(slowWriterOrigin));
                    commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                                    new EstablishFacilityCommand(FacilityId.of(late), "Late Lender", Usd.of("1000.00"),
                                            new BigDecimal("5"), DayCount.ACT_360, LocalDate.parse("2040-01-01")))
                            .andMetaData(slowWriterOrigin));
                    appended.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();

        String first = reserve.registerSite("NV", "10");
        String second = reserve.registerSite("NV", "10");
        long visibleHead = reserve.head();
        Api.Response before = as("AUDITOR").get("/api/v1/sites?minPosition=" + visibleHead);
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.body()).contains(first, second).doesNotContain(late);
        assertThat(as("AUDITOR").get("/api/v1/views/financing?minPosition=" + visibleHead).body()).doesNotContain(late);

        release.countDown();
        slowWriter.get(10, TimeUnit.SECONDS);
        long lastLate = jdbc.sql("""
                        select max(global_index) from domain_event_entry
                        where aggregate_identifier in (:site, 'manufacturer:' || :site, 'facility:' || :site)
                        """)
                .param("site", late).query(Long.class).single();
        assertThat(lastLate).isLessThan(visibleHead);

        Api.Response sites = as("AUDITOR").get("/api/v1/sites?minPosition=" + lastLate);
        Api.Response financing = as("AUDITOR").get("/api/v1/views/financing?minPosition=" + lastLate);
        assertThat(sites.status()).as(sites.toString()).isEqualTo(200);
        assertThat(sites.body()).contains(late);
        assertThat(financing.status()).as(financing.toString()).isEqualTo(200);
        assertThat(financing.body()).contains(late);
        // The commitments projection, which shows manufacturers in no view of their own, passed the late events too.
        Api.Response commitments = as("AUDITOR").get("/api/v1/views/commitments?minPosition=" + lastLate);
        assertThat(commitments.status()).as(commitments.toString()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from commitment_manufacturer where manufacturer_id = :id")
                .param("id", late).query(Long.class).single()).isEqualTo(1);
    }
}

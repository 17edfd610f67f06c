package org.reserveledger.api.audit;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.Reserve;
import org.reserveledger.api.support.TestDatabase;
import org.reserveledger.projections.audit.AuditLog;
import org.reserveledger.projections.audit.ChainVerification;
import org.reserveledger.projections.audit.EventAttestation;
import org.reserveledger.projections.audit.RecordedEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports and verifies a stream longer than the rows read at a time, with events whose text needs escaping
 * and events without metadata: every line is what the mapper makes of the event as stored, in chain order.
 * This class has a database of its own, so that the copies it appends weigh on no other test. Its projections
 * subscribe instead of tracking, since Axon cannot read an event without metadata back, and its context is
 * closed after it, so that nothing keeps trying to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "axon.eventhandling.processors.inventory.mode=subscribing",
        "axon.eventhandling.processors.commitments.mode=subscribing",
        "axon.eventhandling.processors.financing.mode=subscribing"})
@ActiveProfiles("test")
@DirtiesContext
class AuditExportTest {

    private static final int COPIES = 4_321;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    EventAttestation attestation;

    @Autowired
    PlatformTransactionManager transactions;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, AuditExportTest.class);
    }

    @Test
    void aLongStreamIsExportedLineForLineAsStoredAndVerifiesOnlineAndOffline() throws Exception {
        Reserve reserve = new Reserve(new Api(port, null), jdbc);
        String site = reserve.registerSite("NV", "1000000");
        long template = reserve.deposit(site, "NICKEL", "2", "16000", "ID").position();
        new TransactionTemplate(transactions).executeWithoutResult(status -> attestation.attest(jdbc.sql("""
                        insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        select gen_random_uuid()::text, 'copy "é\\ ' || n, 0, type, time_stamp, payload_type,
                            payload_revision, payload, case when n % 1000 = 0 then null else meta_data end
                        from domain_event_entry, generate_series(1, :copies) n
                        where global_index = :template
                        returning event_identifier
                        """)
                .param("copies", COPIES).param("template", template).query(String.class).list()));
        Api auditor = new Api(port, null).as("AUDITOR");

        Api.Response export = auditor.get("/api/v1/audit/export");
        assertThat(export.status()).isEqualTo(200);
        ChainVerification online = json.readValue(auditor.get("/api/v1/audit/verify").body(), ChainVerification.class);

        List<String> expected = jdbc.sql("select " + RecordedEvent.COLUMNS + ", c.chain_sequence, c.hash"
                        + " from audit_chain c join domain_event_entry e on e.global_index = c.global_index"
                        + " order by c.chain_sequence")
                .query((rs, n) -> json.writeValueAsString(ExportLine.of(new AuditLog.Entry(rs.getLong("chain_sequence"),
                        RecordedEvent.fromRow(rs), rs.getBytes("hash")))) + "\n")
                .list();
        assertThat(expected).hasSizeGreaterThan(COPIES);
        assertThat(export.body()).isEqualTo(String.join("", expected));

        assertThat(online.ok()).as(online.toString()).isTrue();
        assertThat(online.verifiedEvents()).isEqualTo(expected.size());
        ChainVerification offline = new ExportVerifier().verify(
                new ByteArrayInputStream(export.body().getBytes(StandardCharsets.UTF_8)), null);
        assertThat(offline).isEqualTo(new ChainVerification(true, expected.size(), online.headHash(), null, 0, List.of()));
    }
}

package org.reserveledger.api.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.Reserve;
import org.reserveledger.api.support.TestDatabase;
import org.reserveledger.projections.audit.ChainEncoding;
import org.reserveledger.projections.audit.ChainProblem;
import org.reserveledger.projections.audit.ChainVerification;
import org.reserveledger.projections.audit.RecordedEvent;
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

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes the database behind the service's back, the way someone with write access to it could,
 * and checks that verification reports each change at the position where it was made. Each test
 * undoes its change and checks that the stream verifies again, so every change is judged alone.
 * This class has a database of its own: nothing else may see a tampered stream. Forged events park in
 * the dead-letter queue, so the scheduled retry is off: it would only log the same failure again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "reserve.projections.dead-letters.schedule=false")
@ActiveProfiles("test")
class AuditChainTamperTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    Reserve reserve;
    Api auditor;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, AuditChainTamperTest.class);
    }

    @BeforeEach
    void scenario() {
        reserve = new Reserve(new Api(port, null), jdbc);
        auditor = new Api(port, null).as("AUDITOR");
        String site = reserve.registerSite("NV", "1000");
        String other = reserve.registerSite("TX", "1000");
        assertThat(reserve.deposit(site, "LITHIUM", "120.5", "14000", "AU").status()).isEqualTo(201);
        assertThat(reserve.deposit(site, "COBALT", "30", "33000", "CD").status()).isEqualTo(201);
        assertThat(reserve.withdraw(site, "LITHIUM", "20").status()).isEqualTo(201);
        assertThat(reserve.transfer(site, other, "COBALT", "10").status()).isEqualTo(201);
        assertThatVerifiesOk();
    }

    @Test
    void anUntouchedStreamVerifiesOnlineAndOfflineToTheSameHead() throws Exception {
        ChainVerification online = verify(null);
        long events = jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
        assertThat(online.ok()).isTrue();
        assertThat(online.verifiedEvents()).isEqualTo(events);
        assertThat(online.firstBrokenPosition()).isNull();
        String storedHead = ChainEncoding.hex(jdbc.sql("select hash from audit_chain order by chain_sequence desc limit 1")
                .query(byte[].class).single());
        assertThat(online.headHash()).isEqualTo(storedHead);

        ChainVerification offline = offline(export(), null);
        assertThat(offline.ok()).isTrue();
        assertThat(offline.verifiedEvents()).isEqualTo(events);
        assertThat(offline.headHash()).isEqualTo(online.headHash());
    }

    @Test
    void oneChangedPayloadByteIsReportedAtItsPosition() {
        long position = positionOf("LotDeposited");
        behindTheServicesBack("update domain_event_entry set payload = set_byte(payload, 10, get_byte(payload, 10) # 1) "
                + "where global_index = " + position);
        assertBroken(verify(null), position, ChainProblem.Kind.ALTERED);
        behindTheServicesBack("update domain_event_entry set payload = set_byte(payload, 10, get_byte(payload, 10) # 1) "
                + "where global_index = " + position);
        assertThatVerifiesOk();
    }

    @Test
    void oneChangedMetadataFieldIsReportedAtItsPosition() {
        long position = positionOf("StockWithdrawn");
        String metaData = jdbc.sql("select convert_from(meta_data, 'UTF8') from domain_event_entry where global_index = :p")
                .param("p", position).query(String.class).single();
        assertThat(metaData).contains("operator-tester");
        behindTheServicesBack("update domain_event_entry set meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'), "
                + "'operator-tester', 'governance-tester'), 'UTF8') where global_index = " + position);
        assertBroken(verify(null), position, ChainProblem.Kind.ALTERED);
        behindTheServicesBack("update domain_event_entry set meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'), "
                + "'governance-tester', 'operator-tester'), 'UTF8') where global_index = " + position);
        assertThatVerifiesOk();
    }

    @Test
    void oneDeletedEventIsReportedAtItsPosition() {
        long position = positionOf("StockWithdrawn");
        behindTheServicesBack("create table removed_event as select * from domain_event_entry where global_index = " + position,
                "delete from domain_event_entry where global_index = " + position);
        assertBroken(verify(null), position, ChainProblem.Kind.REMOVED);
        behindTheServicesBack("insert into domain_event_entry overriding system value select * from removed_event",
                "drop table removed_event");
        assertThatVerifiesOk();
    }

    @Test
    void twoSwappedEventsAreReportedAtTheFirstOfThem() {
        long first = positionOf("LotDeposited");
        long second = positionOf("StockWithdrawn");
        swap(first, second);
        ChainVerification swapped = verify(null);
        assertBroken(swapped, first, ChainProblem.Kind.ALTERED);
        assertThat(swapped.problems()).contains(new ChainProblem(second, ChainProblem.Kind.ALTERED));
        swap(first, second);
        assertThatVerifiesOk();
    }

    @Test
    void anEventInsertedIntoAGapOrAtTheEndIsReportedAndNeverChained() throws Exception {
        // A position allocated by an append that rolled back: a gap the service will never fill.
        long gap = jdbc.sql("select nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'))")
                .query(Long.class).single();
        reserve.registerSite("UT", "10");
        long end = jdbc.sql("select nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'))")
                .query(Long.class).single();
        long model = positionOf("LotDeposited");
        try {
            for (long position : List.of(gap, end)) {
                behindTheServicesBack("""
                        insert into domain_event_entry (global_index, event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        select %d, '%s', aggregate_identifier, sequence_number + %d, type, time_stamp, payload_type,
                            payload_revision, payload, meta_data
                        from domain_event_entry where global_index = %d
                        """.formatted(position, UUID.randomUUID(), position, model));
            }
            // Even queued for the chainer with a made-up attestation, it is not linked.
            behindTheServicesBack("insert into event_attestation select global_index, event_identifier, sha256(payload) "
                            + "from domain_event_entry where global_index = " + end,
                    "insert into audit_chain_pending values (" + end + ")");

            ChainVerification verification = verify(null);
            assertBroken(verification, gap, ChainProblem.Kind.INSERTED);
            assertThat(verification.problems()).contains(new ChainProblem(end, ChainProblem.Kind.INSERTED));
            assertThat(jdbc.sql("select count(*) from audit_chain where global_index in (:gap, :end)")
                    .param("gap", gap).param("end", end).query(Long.class).single()).isZero();
        } finally {
            behindTheServicesBack("delete from domain_event_entry where global_index in (" + gap + ", " + end + ")",
                    "delete from event_attestation where global_index = " + end,
                    "delete from audit_chain_pending where global_index = " + end);
        }
        assertThatVerifiesOk();
    }

    @Test
    void aRewrittenChainIsCaughtAtTheEventAndAgainstAnOldAnchor() throws Exception {
        ChainVerification before = verify(null);
        long anchorPosition = jdbc.sql("select global_index from audit_chain order by chain_sequence desc limit 1")
                .query(Long.class).single();
        Map<String, String> anchor = Map.of("position", Long.toString(anchorPosition), "expectedHash", before.headHash());
        List<byte[]> originalHashes = jdbc.sql("select hash from audit_chain order by chain_sequence")
                .query(byte[].class).list();

        // Change an event, then recompute and store every hash from it on, as if the chain were always so.
        long position = positionOf("LotDeposited");
        behindTheServicesBack("update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'COBALT', 'NICKEL'), 'UTF8') where global_index = " + position);
        rewriteChain();

        ChainVerification online = verify(anchor);
        assertBroken(online, position, ChainProblem.Kind.NOT_ATTESTED);
        assertThat(online.problems()).contains(new ChainProblem(anchorPosition, ChainProblem.Kind.ANCHOR_MISMATCH));
        assertThat(online.headHash()).isNotEqualTo(before.headHash());

        // Offline there is no key: the rewritten export is consistent in itself, and only the anchor catches it.
        String export = export();
        assertThat(offline(export, null).ok()).isTrue();
        ChainVerification offline = offline(export, new org.reserveledger.projections.audit.ChainAnchor(anchorPosition,
                ChainEncoding.fromHex(before.headHash())));
        assertBroken(offline, anchorPosition, ChainProblem.Kind.ANCHOR_MISMATCH);

        behindTheServicesBack("update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'NICKEL', 'COBALT'), 'UTF8') where global_index = " + position);
        for (int i = 0; i < originalHashes.size(); i++) {
            int sequence = i + 1;
            byte[] hash = originalHashes.get(i);
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                jdbc.sql("set local session_replication_role = replica").update();
                jdbc.sql("update audit_chain set hash = :hash where chain_sequence = :sequence")
                        .param("hash", hash).param("sequence", sequence).update();
            });
        }
        assertThat(verify(anchor).ok()).isTrue();
    }

    private void rewriteChain() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            List<RecordedEvent> events = jdbc.sql("select " + RecordedEvent.COLUMNS
                            + " from audit_chain c join domain_event_entry e on e.global_index = c.global_index"
                            + " order by c.chain_sequence")
                    .query((rs, n) -> RecordedEvent.fromRow(rs)).list();
            byte[] hash = ChainEncoding.genesis();
            for (RecordedEvent event : events) {
                hash = ChainEncoding.link(hash, event);
                jdbc.sql("update audit_chain set hash = :hash where global_index = :p")
                        .param("hash", hash).param("p", event.position()).update();
            }
        });
    }

    private void swap(long first, long second) {
        behindTheServicesBack(
                "update domain_event_entry set global_index = -1 where global_index = " + first,
                "update domain_event_entry set global_index = " + first + " where global_index = " + second,
                "update domain_event_entry set global_index = " + second + " where global_index = -1");
    }

    /** Runs statements with the service's triggers off, as the owner of the database could. */
    private void behindTheServicesBack(String... statements) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            for (String statement : statements) {
                jdbc.sql(statement).update();
            }
        });
    }

    private long positionOf(String type) {
        return jdbc.sql("select max(global_index) from domain_event_entry where payload_type like :type")
                .param("type", "%." + type).query(Long.class).single();
    }

    private void assertThatVerifiesOk() {
        ChainVerification verification = verify(null);
        assertThat(verification.ok()).as(verification.toString()).isTrue();
        assertThat(verification.problems()).isEmpty();
    }

    private static void assertBroken(ChainVerification verification, long position, ChainProblem.Kind kind) {
        assertThat(verification.ok()).as(verification.toString()).isFalse();
        assertThat(verification.firstBrokenPosition()).as(verification.toString()).isEqualTo(position);
        assertThat(verification.problems()).contains(new ChainProblem(position, kind));
    }

    private ChainVerification verify(Map<String, String> anchor) {
        String query = anchor == null ? "" : "?position=" + anchor.get("position") + "&expectedHash=" + anchor.get("expectedHash");
        Api.Response response = auditor.get("/api/v1/audit/verify" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        List<ChainProblem> problems = body.get("problems").valueStream()
                .map(p -> new ChainProblem(p.get("position").asLong(), ChainProblem.Kind.valueOf(p.get("kind").asString())))
                .toList();
        JsonNode first = body.get("firstBrokenPosition");
        return new ChainVerification(body.get("ok").asBoolean(), body.get("verifiedEvents").asLong(),
                body.get("headHash").asString(), first.isNull() ? null : first.asLong(),
                body.get("pendingEvents").asLong(), problems);
    }

    private String export() {
        Api.Response response = auditor.get("/api/v1/audit/export");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith(AuditController.NDJSON);
        return response.body();
    }

    private static ChainVerification offline(String export,
                                             org.reserveledger.projections.audit.ChainAnchor anchor) throws Exception {
        return new ExportVerifier().verify(new ByteArrayInputStream(export.getBytes(StandardCharsets.UTF_8)), anchor);
    }
}

package org.reserveledger.api.benchmark;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.Reserve;
import org.reserveledger.api.support.TestDatabase;
import org.reserveledger.api.views.ViewReader;
import org.reserveledger.projections.audit.AuditChainer;
import org.reserveledger.projections.audit.EventAttestation;
import org.reserveledger.projections.replay.ProjectionCheckpoints;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A benchmark, not a test: grows the stream to {@code benchmark.events} events (default 200 000,
 * copies of one real deposit, each a lot of its own, written as the service writes them,
 * attested), then prints how fast they are attested, chained, exported, verified, replayed for a
 * view {@code asOf} now and checkpointed, how fast that view answers from a checkpoint, and the
 * heap the export and verification needed. Run it with
 * {@code ./mvnw -pl reserve-api -am test -Dgroups=benchmark -DexcludedGroups= -Dtest=AuditChainBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
// The projections subscribe instead of tracking, so they do not replay the synthetic copies meanwhile.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "axon.eventhandling.processors.inventory.mode=subscribing",
        "axon.eventhandling.processors.commitments.mode=subscribing",
        "axon.eventhandling.processors.financing.mode=subscribing"})
@ActiveProfiles("test")
class AuditChainBenchmark {

    private static final int EVENTS = Integer.getInteger("benchmark.events", 200_000);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventAttestation attestation;

    @Autowired
    AuditChainer chainer;

    @Autowired
    ProjectionCheckpoints checkpoints;

    @Autowired
    PlatformTransactionManager transactions;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, AuditChainBenchmark.class);
    }

    @Test
    void attestChainExportAndVerifyALargeStream() throws Exception {
        Reserve reserve = new Reserve(new Api(port, null), jdbc);
        String site = reserve.registerSite("NV", "1000000000");
        Instant beforeCopies = Instant.now();
        Thread.sleep(5);
        Api.Response deposit = reserve.deposit(site, "NICKEL", "2", "16000", "ID");
        long template = deposit.position();
        String lotId = deposit.json().get("lotId").asString();

        long start = System.nanoTime();
        for (int from = 0; from < EVENTS; from += 10_000) {
            int count = Math.min(10_000, EVENTS - from);
            int offset = from;
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                List<String> ids = jdbc.sql("""
                                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                                    type, time_stamp, payload_type, payload_revision, payload, meta_data)
                                select gen_random_uuid()::text, 'benchmark-' || (:offset + n), 0, type, time_stamp,
                                    payload_type, payload_revision,
                                    convert_to(replace(convert_from(payload, 'UTF8'), :lotId, gen_random_uuid()::text), 'UTF8'),
                                    meta_data
                                from domain_event_entry, generate_series(1, :count) n
                                where global_index = :template
                                returning event_identifier
                                """)
                        .param("offset", offset).param("count", count).param("template", template).param("lotId", lotId)
                        .query(String.class).list();
                attestation.attest(ids);
            });
        }
        double appendSeconds = seconds(start);
        start = System.nanoTime();
        int linked = chainer.catchUp();
        double chainSeconds = seconds(start);
        assertThat(linked).isGreaterThanOrEqualTo(EVENTS);

        HttpClient http = HttpClient.newHttpClient();
        String token = Api.tokenOf("AUDITOR");
        System.gc();
        long heapBefore = usedHeap();
        start = System.nanoTime();
        HttpResponse<InputStream> export = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/audit/export"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        long lines = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream body = export.body()) {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double exportSeconds = seconds(start);
        long heapAfterExport = usedHeap();
        assertThat(lines).isGreaterThanOrEqualTo(EVENTS);

        start = System.nanoTime();
        HttpResponse<String> verify = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/audit/verify"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        double verifySeconds = seconds(start);
        assertThat(verify.body()).contains("\"ok\":true");

        start = System.nanoTime();
        HttpResponse<String> viewNow = viewAsOf(http, token, Instant.now());
        double asOfSeconds = seconds(start);
        assertThat(viewNow.statusCode()).isEqualTo(200);
        assertThat(viewNow.body()).contains("NICKEL");
        start = System.nanoTime();
        HttpResponse<String> viewBefore = viewAsOf(http, token, beforeCopies);
        double beforeSeconds = seconds(start);
        assertThat(viewBefore.statusCode()).isEqualTo(200);
        assertThat(viewBefore.body()).doesNotContain("NICKEL");

        start = System.nanoTime();
        int built = checkpoints.catchUp();
        double checkpointSeconds = seconds(start);
        start = System.nanoTime();
        HttpResponse<String> fromCheckpoint = viewAsOf(http, token, Instant.now());
        double fromCheckpointSeconds = seconds(start);
        assertThat(fromCheckpoint.headers().firstValue(ViewReader.CHECKPOINT_HEADER)).isPresent();
        assertThat(fromCheckpoint.body()).isEqualTo(viewNow.body());

        System.out.printf("%nReserve Ledger audit chain, %d events (%d bytes of export)%n", lines, bytes);
        System.out.printf("  append + attest   %8.0f events/s (%.1f s, in transactions of 10 000)%n", EVENTS / appendSeconds, appendSeconds);
        System.out.printf("  chain             %8.0f events/s (%.1f s)%n", linked / chainSeconds, chainSeconds);
        System.out.printf("  export (NDJSON)   %8.0f events/s (%.1f s, %.1f MB/s)%n", lines / exportSeconds, exportSeconds,
                bytes / exportSeconds / 1e6);
        System.out.printf("  verify (online)   %8.0f events/s (%.1f s)%n", lines / verifySeconds, verifySeconds);
        System.out.printf("  view asOf now     %8.0f events/s (%.1f s, every event replayed into temporary tables)%n",
                lines / asOfSeconds, asOfSeconds);
        System.out.printf("  view asOf before the copies: %.2f s (reading stops at the last event recorded by then)%n",
                beforeSeconds);
        System.out.printf("  checkpointing     %8.0f events/s (%.1f s, %d checkpoints)%n", lines / checkpointSeconds,
                checkpointSeconds, built);
        System.out.printf("  view asOf now from the newest checkpoint: %.2f s%n", fromCheckpointSeconds);
        System.out.printf("  heap in use: %d MB before the export, %d MB after it (not collected)%n",
                heapBefore / 1_000_000, heapAfterExport / 1_000_000);
    }

    private HttpResponse<String> viewAsOf(HttpClient http, String token, Instant asOf) throws Exception {
        return http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/views/inventory-by-mineral?asOf=" + asOf))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}

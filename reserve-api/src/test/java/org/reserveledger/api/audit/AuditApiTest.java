package org.reserveledger.api.audit;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.reserveledger.api.axon.CommandOrigin;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;
import org.reserveledger.api.support.Concurrently;
import org.reserveledger.api.support.Reserve;
import org.reserveledger.domain.inventory.RegisterSiteCommand;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.projections.audit.ChainVerification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AuditApiTest extends ApiIntegrationTest {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    CommandGateway commandGateway;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theLogPagesThroughTheStreamInPositionOrderWithActorsPayloadsAndHashes() {
        String site = reserve.registerSite("NV", "500");
        long deposited = reserve.deposit(site, "NICKEL", "42.125", "16000", "ID").position();
        Api auditor = as("AUDITOR");

        Api.Response page = auditor.get("/api/v1/audit/events?afterPosition=" + (deposited - 1) + "&limit=1");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        JsonNode event = page.json().get("events").get(0);
        assertThat(event.get("position").asLong()).isEqualTo(deposited);
        assertThat(event.get("type").asString()).isEqualTo("LotDeposited");
        assertThat(event.get("aggregateId").asString()).isEqualTo(site);
        assertThat(event.get("sequence").asLong()).isEqualTo(1);
        assertThat(event.get("actor").asString()).isEqualTo("operator-tester");
        assertThat(event.get("timestamp").asString()).endsWith("Z");
        assertThat(event.get("payload").get("lot").get("quantity").asString()).isEqualTo("42.125");
        // Amounts appear exactly as stored, with their scale, not as floating point.
        assertThat(page.body()).contains("\"unitCostUsd\":16000.00");
        assertThat(event.get("metaData").get(CommandOrigin.CORRELATION_ID)).isNotNull();
        assertThat(event.get("hash").asString()).matches(HASH);
        assertThat(page.json().get("nextAfterPosition").asLong()).isEqualTo(deposited);

        // Paging from the start visits every position once, in order, and ends.
        List<Long> positions = new ArrayList<>();
        Long after = 0L;
        while (after != null) {
            JsonNode body = auditor.get("/api/v1/audit/events?limit=1000&afterPosition=" + after).json();
            body.get("events").forEach(e -> positions.add(e.get("position").asLong()));
            after = body.get("nextAfterPosition").isNull() ? null : body.get("nextAfterPosition").asLong();
        }
        assertThat(positions).isSorted().doesNotHaveDuplicates().contains(deposited);
        assertThat((long) positions.size()).isGreaterThanOrEqualTo(eventCount() - 5);
    }

    @Test
    void onlyAuditorsReadTheAuditEndpoints() {
        for (String role : List.of("GOVERNANCE", "OPERATOR", "TREASURY", "MANUFACTURER", "ADMIN")) {
            for (String path : List.of("/api/v1/audit/events", "/api/v1/audit/export", "/api/v1/audit/verify",
                    "/api/v1/audit/head")) {
                assertThat(as(role).get(path).status()).as(role + " " + path).isEqualTo(403);
            }
        }
        assertThat(new Api(port, null).get("/api/v1/audit/verify").status()).isEqualTo(401);
    }

    @Test
    void malformedAuditQueriesAreRefusedAsProblems() {
        Api auditor = as("AUDITOR");
        for (String path : List.of("/api/v1/audit/events?limit=0", "/api/v1/audit/events?limit=1001",
                "/api/v1/audit/events?afterPosition=-1", "/api/v1/audit/events?afterPosition=abc",
                "/api/v1/audit/verify?position=3", "/api/v1/audit/verify?expectedHash=" + "a".repeat(64),
                "/api/v1/audit/verify?position=3&expectedHash=xyz", "/api/v1/audit/verify?position=0&expectedHash=" + "a".repeat(64),
                "/api/v1/audit/verify?position=3&expectedHash=" + "g".repeat(64),
                "/api/v1/audit/head?asOf=" + Instant.now().plusSeconds(60), "/api/v1/audit/head?asOf=yesterday")) {
            Api.Response response = auditor.get(path);
            assertThat(response.status()).as(path + " " + response).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void theHeadAsOfAnInstantIsTheLastEventRecordedByThen() throws Exception {
        String site = reserve.registerSite("NV", "500");
        long first = reserve.deposit(site, "NICKEL", "1", "16000", "ID").position();
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        long second = reserve.deposit(site, "NICKEL", "2", "16000", "ID").position();
        Api auditor = as("AUDITOR");

        JsonNode then = auditor.get("/api/v1/audit/head?asOf=" + between).json();
        assertThat(then.get("position").asLong()).isEqualTo(first);
        assertThat(then.get("asOf").asString()).isEqualTo(between.toString());
        assertThat(auditor.get("/api/v1/audit/head").json().get("position").asLong()).isGreaterThanOrEqualTo(second);
        assertThat(auditor.get("/api/v1/audit/head?asOf=2001-01-01T00:00:00Z").json().get("position").asLong()).isZero();
    }

    @Test
    void anAnchorFromEarlierStillVerifiesAsTheStreamGrows() {
        Api auditor = as("AUDITOR");
        reserve.registerSite("WY", "10");
        JsonNode before = auditor.get("/api/v1/audit/verify").json();
        long anchorPosition = jdbc.sql("select global_index from audit_chain order by chain_sequence desc limit 1")
                .query(Long.class).single();
        reserve.registerSite("WY", "10");

        JsonNode after = auditor.get("/api/v1/audit/verify?position=" + anchorPosition + "&expectedHash="
                + before.get("headHash").asString()).json();
        assertThat(after.get("ok").asBoolean()).as(after.toString()).isTrue();
        assertThat(after.get("verifiedEvents").asLong()).isGreaterThan(before.get("verifiedEvents").asLong());

        JsonNode wrong = auditor.get("/api/v1/audit/verify?position=" + anchorPosition + "&expectedHash="
                + "0".repeat(64)).json();
        assertThat(wrong.get("ok").asBoolean()).isFalse();
        assertThat(wrong.get("firstBrokenPosition").asLong()).isEqualTo(anchorPosition);
    }

    @Test
    void anAppendThatCommitsAfterLaterPositionsJoinsTheChainWhenItCommits() throws Exception {
        String late = Reserve.newSiteId("ID");
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> slowWriter = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                                    new RegisterSiteCommand(SiteId.of(late), "Late Depot", "ID", Tonnes.of("10")))
                            .andMetaData(MetaData.with(CommandOrigin.ACTOR, "slow-writer")));
                    appended.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
        String early = reserve.registerSite("NV", "10");
        // The later position is linked while the earlier one is still uncommitted.
        JsonNode meanwhile = as("AUDITOR").get("/api/v1/audit/verify").json();
        assertThat(meanwhile.get("ok").asBoolean()).as(meanwhile.toString()).isTrue();

        release.countDown();
        slowWriter.get(10, TimeUnit.SECONDS);
        JsonNode verified = as("AUDITOR").get("/api/v1/audit/verify").json();
        assertThat(verified.get("ok").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("pendingEvents").asLong()).isZero();

        Link lateLink = link(late);
        Link earlyLink = link(early);
        assertThat(lateLink.position()).isLessThan(earlyLink.position());
        assertThat(lateLink.sequence()).isGreaterThan(earlyLink.sequence());
    }

    @Test
    void concurrentAppendsAndConcurrentChainersLinkEveryEventOnceInOneUnbrokenChain() throws Exception {
        String site = reserve.registerSite("NV", "10000");
        List<Long> positions = Concurrently.all(16, () -> {
            long position = reserve.deposit(site, "GALLIUM", "1.5", "650000", "DE").position();
            // Each caller also prompts the chainer while others are appending and chaining.
            assertThat(as("AUDITOR").get("/api/v1/audit/verify").status()).isEqualTo(200);
            return position;
        });

        JsonNode verified = as("AUDITOR").get("/api/v1/audit/verify").json();
        assertThat(verified.get("ok").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("pendingEvents").asLong()).isZero();
        for (long position : positions) {
            assertThat(jdbc.sql("select count(*) from audit_chain where global_index = :p").param("p", position)
                    .query(Long.class).single()).isEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) = max(chain_sequence) and min(chain_sequence) = 1 from audit_chain")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void theOfflineVerifierRecomputesAnExportToTheOnlineHeadHash() throws Exception {
        reserve.registerSite("NV", "10");
        Api auditor = as("AUDITOR");
        Api.Response export = auditor.get("/api/v1/audit/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).contains("attachment").contains(".ndjson");
        ChainVerification online = JSON.readValue(auditor.get("/api/v1/audit/verify").body(), ChainVerification.class);
        String[] lines = export.body().split("\n");
        long chained = jdbc.sql("select count(*) from audit_chain").query(Long.class).single();
        if (online.verifiedEvents() == lines.length) {
            // Nothing was appended between the export and the verification.
            assertThat(JSON.readTree(lines[lines.length - 1]).get("hash").asString()).isEqualTo(online.headHash());
        }
        assertThat((long) lines.length).isLessThanOrEqualTo(chained);
        for (int i = 0; i < lines.length; i++) {
            assertThat(JSON.readTree(lines[i]).get("chainSequence").asLong()).isEqualTo(i + 1);
        }

        Path file = Files.createTempFile("reserve-ledger-audit", ".ndjson");
        Files.writeString(file, export.body());
        String lastHash = JSON.readTree(lines[lines.length - 1]).get("hash").asString();
        long lastPosition = JSON.readTree(lines[lines.length - 1]).get("position").asLong();
        Run ok = run("verify-export", file.toString(), "--anchor=" + lastPosition + ":" + lastHash);
        assertThat(ok.status()).as(ok.err()).isZero();
        JsonNode result = JSON.readTree(ok.out());
        assertThat(result.get("ok").asBoolean()).isTrue();
        assertThat(result.get("headHash").asString()).isEqualTo(lastHash);
        assertThat(result.get("verifiedEvents").asLong()).isEqualTo(lines.length);

        // One changed character in a payload is found at its position.
        int middle = lines.length / 2;
        JsonNode line = JSON.readTree(lines[middle]);
        byte[] payload = java.util.Base64.getDecoder().decode(line.get("payload").asString());
        payload[payload.length / 2] ^= 1;
        lines[middle] = lines[middle].replace(line.get("payload").asString(),
                java.util.Base64.getEncoder().encodeToString(payload));
        Files.writeString(file, String.join("\n", lines) + "\n");
        Run broken = run("verify-export", file.toString());
        assertThat(broken.status()).isEqualTo(1);
        assertThat(JSON.readTree(broken.out()).get("firstBrokenPosition").asLong())
                .isEqualTo(line.get("position").asLong());

        assertThat(run("verify-export").status()).isEqualTo(2);
        assertThat(run("verify-export", file.toString(), "--anchor=nonsense").status()).isEqualTo(2);
        Files.writeString(file, "not json\n");
        assertThat(run("verify-export", file.toString()).status()).isEqualTo(2);
        Files.delete(file);
    }

    private Link link(String aggregateId) {
        return jdbc.sql("""
                        select c.global_index, c.chain_sequence from audit_chain c
                        join domain_event_entry e on e.global_index = c.global_index
                        where e.aggregate_identifier = :id
                        """)
                .param("id", aggregateId)
                .query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2))).single();
    }

    private record Link(long position, long sequence) {
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ExportVerifier.run(args, System.in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

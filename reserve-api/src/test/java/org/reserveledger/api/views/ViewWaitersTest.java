package org.reserveledger.api.views;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.Eventually;
import org.reserveledger.api.support.Reserve;
import org.reserveledger.projections.financing.FinancingProjection;
import org.reserveledger.projections.inventory.InventoryProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.reserveledger.api.support.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests waiting for {@code minPosition} hold no request thread: five hundred of them, more than
 * Tomcat's 200 threads, wait at once while health keeps answering, and each ends with its view or
 * with 503 and {@code Retry-After}, never a 500 and never hung. The wait is long enough here for all
 * five hundred to arrive before the first gives up, and the bound on waiters is exactly them.
 */
@TestPropertySource(properties = {"reserve.view-wait=" + ViewWaitersTest.WAIT_SECONDS + "s",
        "reserve.view-waiters.max=" + ViewWaitersTest.WAITERS})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ViewWaitersTest {

    static final int WAITERS = 500;
    static final int WAIT_SECONDS = 15;
    private static final int BEYOND_THE_BOUND = 20;
    /** A generous bound on one health answer; waiting requests must not hold what health needs. */
    private static final Duration HEALTH_BOUND = Duration.ofMillis(100);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PositionWaiters waiters;

    private Reserve reserve;

    @BeforeEach
    void reserve() {
        reserve = new Reserve(new Api(port, null), jdbc);
    }

    private Api as(String role) {
        return new Api(port, null).as(role);
    }

    /** It stops projections, which another context's processors on the same database would stand in for. */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, ViewWaitersTest.class);
    }

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void fiveHundredWaitersHoldNoRequestThreadAndEachGetsItsPositionOr503() throws Exception {
        String site = reserve.registerSite("NV", "1000");
        ConcurrentReaders readers = new ConcurrentReaders(port);
        StreamingEventProcessor inventory = processor(InventoryProjection.NAME);
        StreamingEventProcessor financing = processor(FinancingProjection.NAME);
        inventory.shutdownAsync().get(30, TimeUnit.SECONDS);
        financing.shutdownAsync().get(30, TimeUnit.SECONDS);
        try {
            Api.Response deposit = reserve.deposit(site, "GALLIUM", "12.345", "1000.00", "CA");
            assertThat(deposit.status()).as(deposit.toString()).isEqualTo(201);
            long awaited = deposit.position();

            // Half wait for the inventory projection, which resumes; half also for financing, which stays stopped.
            readers.connect(WAITERS + BEYOND_THE_BOUND);
            List<ConcurrentReaders.Timed> baseline;
            try (ConcurrentReaders.HealthProbe probe = readers.probeHealth()) {
                Thread.sleep(2_000);
                baseline = probe.samples();
            }
            report("health with no request waiting", baseline);
            List<CompletableFuture<ConcurrentReaders.Timed>> arriving = readers.getAll("AUDITOR",
                    Collections.nCopies(WAITERS / 2, "/api/v1/views/inventory-by-site?minPosition=" + awaited));
            List<CompletableFuture<ConcurrentReaders.Timed>> notArriving = readers.getAll("TREASURY",
                    Collections.nCopies(WAITERS / 2, "/api/v1/views/financing?minPosition=" + awaited));
            List<ConcurrentReaders.Timed> health;
            awaitTrue(() -> waiters.waiting() == WAITERS, "all " + WAITERS + " requests to be waiting");
            List<CompletableFuture<ConcurrentReaders.Timed>> refused = readers.getAll("AUDITOR",
                    Collections.nCopies(BEYOND_THE_BOUND, "/api/v1/views/concentration?minPosition=" + awaited));
            try (ConcurrentReaders.HealthProbe probe = readers.probeHealth()) {
                Thread.sleep(1_000);
                assertThat(waiters.waiting()).isEqualTo(WAITERS);
                assertThat(probe.samples().size()).as("health answered while all waited").isGreaterThan(10);
                inventory.start();
                CompletableFuture.allOf(Stream.of(arriving, notArriving, refused).flatMap(List::stream)
                        .toArray(CompletableFuture[]::new)).get(WAIT_SECONDS + 30, TimeUnit.SECONDS);
                health = probe.samples();
            }

            for (CompletableFuture<ConcurrentReaders.Timed> answer : arriving) {
                Api.Response view = answer.join().response();
                assertThat(view.status()).as(view.toString()).isEqualTo(200);
                assertThat(Long.parseLong(view.header("X-Projection-Position"))).isGreaterThanOrEqualTo(awaited);
                assertThat(gallium(view.json(), site)).as("the awaited deposit in the view").isNotNull();
                assertThat(gallium(view.json(), site).get("onHandTonnes").decimalValue()).isEqualByComparingTo("12.345");
            }
            for (CompletableFuture<ConcurrentReaders.Timed> answer : notArriving) {
                ConcurrentReaders.Timed timed = answer.join();
                assertBehind(timed.response(), "financing");
                assertThat(timed.took()).as("waited the configured wait").isGreaterThanOrEqualTo(Duration.ofSeconds(WAIT_SECONDS));
            }
            for (CompletableFuture<ConcurrentReaders.Timed> answer : refused) {
                ConcurrentReaders.Timed timed = answer.join();
                assertThat(timed.response().status()).as(timed.response().toString()).isEqualTo(503);
                assertThat(timed.response().header("Retry-After")).isNotNull();
                assertThat(timed.response().json().get("detail").asString()).contains(WAITERS + " requests already wait");
                assertThat(timed.took()).as("refused at once").isLessThan(Duration.ofSeconds(WAIT_SECONDS / 2));
            }
            report("health while " + WAITERS + " requests wait", health);
            assertHealthAnsweredFast(health);
            assertThat(waiters.waiting()).isZero();
        } finally {
            inventory.start();
            financing.start();
        }
    }

    @Test
    void fiveHundredWaitersBeyondTheHeadAnswer503AtOnceWithoutWaiting() throws Exception {
        long beyond = reserve.head() + 1_000_000;
        ConcurrentReaders readers = new ConcurrentReaders(port);
        readers.connect(WAITERS);
        List<CompletableFuture<ConcurrentReaders.Timed>> answers = readers.getAll("AUDITOR",
                Stream.of("inventory-by-site", "inventory-by-mineral", "concentration", "commitments", "financing")
                        .flatMap(view -> Collections.nCopies(WAITERS / 5, "/api/v1/views/" + view + "?minPosition=" + beyond)
                                .stream())
                        .toList());
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(WAIT_SECONDS + 30, TimeUnit.SECONDS);

        assertThat(answers).hasSize(WAITERS);
        for (CompletableFuture<ConcurrentReaders.Timed> answer : answers) {
            Api.Response refused = answer.join().response();
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isNotNull();
            assertThat(refused.json().get("type").asString()).endsWith(":projection-behind");
            // Refused by the head, not by a wait running out.
            assertThat(refused.json().get("detail").asString())
                    .contains("beyond the stream's head").contains(Long.toString(beyond));
        }
        report(WAITERS + " requests beyond the head", answers.stream().map(CompletableFuture::join).toList());
    }

    @Test
    void aPositionAlreadyAppliedIsAnsweredAndOneBeyondTheHeadIsRefusedOnEveryView() {
        String site = reserve.registerSite("WY", "50");
        long head = reserve.head();
        for (String view : List.of("/api/v1/views/inventory-by-site", "/api/v1/views/inventory-by-mineral",
                "/api/v1/views/concentration", "/api/v1/views/commitments", "/api/v1/views/financing",
                "/api/v1/views/financing/history?valueDates=2026-01-31", "/api/v1/sites", "/api/v1/sites/" + site)) {
            String separator = view.contains("?") ? "&" : "?";
            Api.Response applied = as("AUDITOR").get(view + separator + "minPosition=" + head);
            assertThat(applied.status()).as(view + " " + applied).isEqualTo(200);
            assertThat(Long.parseLong(applied.header("X-Projection-Position"))).isGreaterThanOrEqualTo(head);

            long sent = System.nanoTime();
            Api.Response beyond = as("AUDITOR").get(view + separator + "minPosition=" + (head + 1_000));
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(WAIT_SECONDS / 5));
            assertThat(beyond.status()).as(view + " " + beyond).isEqualTo(503);
            assertThat(beyond.header("Retry-After")).isNotNull();
            assertThat(beyond.json().get("detail").asString()).contains("beyond the stream's head");
        }
    }

    private static JsonNode gallium(JsonNode view, String site) {
        for (JsonNode entry : view.get("sites")) {
            if (entry.get("siteId").asString().equals(site)) {
                for (JsonNode mineral : entry.get("minerals")) {
                    if (mineral.get("mineral").asString().equals("GALLIUM")) {
                        return mineral;
                    }
                }
            }
        }
        return null;
    }

    private static void assertBehind(Api.Response response, String projection) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isNotNull();
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).endsWith(":projection-behind");
        assertThat(response.json().get("detail").asString()).contains("the " + projection + " view has applied");
    }

    /**
     * Every probe answered, nearly all within the bound: requests that wait hold nothing health needs. Its
     * status may be 503 while a test keeps a processor stopped (health reports stopped processors). The
     * slowest few are left to the machine's scheduler, but none may come near the seconds a held thread
     * would cost.
     */
    private static void assertHealthAnsweredFast(List<ConcurrentReaders.Timed> health) {
        assertThat(health).as("health probes").hasSizeGreaterThan(100);
        assertThat(health).allSatisfy(sample -> assertThat(sample.response().status()).as(sample.response().body())
                .isIn(200, 503));
        List<Duration> took = health.stream().map(ConcurrentReaders.Timed::took).sorted().toList();
        assertThat(took.get(took.size() * 95 / 100)).as("95th percentile").isLessThan(HEALTH_BOUND);
        assertThat(took.getLast()).as("slowest").isLessThan(Duration.ofSeconds(1));
    }

    private static void report(String what, List<ConcurrentReaders.Timed> samples) {
        List<Long> millis = samples.stream().map(sample -> sample.took().toMillis()).sorted().toList();
        System.out.printf("%s: %d answers, median %d ms, 95th percentile %d ms, 99th %d ms, slowest %d ms%n", what,
                millis.size(), millis.get(millis.size() / 2), millis.get(millis.size() * 95 / 100),
                millis.get(millis.size() * 99 / 100), millis.getLast());
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        Eventually.await(what, Duration.ofSeconds(WAIT_SECONDS - 2), Duration.ofMillis(5), condition);
    }
}

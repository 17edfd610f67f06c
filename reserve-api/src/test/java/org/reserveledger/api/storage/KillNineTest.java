package org.reserveledger.api.storage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.Reserve;
import org.reserveledger.api.support.ServiceProcess;
import org.reserveledger.api.support.TestDatabase;
import org.springframework.util.StringUtils;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service process killed with SIGKILL under load, ten times in a row, and started again on the same
 * data: after each restart every command it had answered 201 is in the stream, every view equals the same
 * view rebuilt from the stream, and the audit chain verifies.
 */
class KillNineTest {

    private static final int ROUNDS = 10;
    /** Commands answered in a round before the kill may come, so that every kill lands under load. */
    private static final int ANSWERS_BEFORE_KILL = 12;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Map<String, String> VIEWS = Map.of(
            "inventory-by-site", "", "inventory-by-mineral", "", "commitments", "",
            "financing", "&valueDate=" + LocalDate.now(ZoneOffset.UTC));
    private static final List<String> PROJECTIONS = List.of("inventory", "commitments", "financing");

    private static final String LOG = "service.log";

    @TempDir
    Path work;

    @AfterEach
    void killWhatIsLeft() {
        embeddedServer(work.resolve("data")).forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void theEmbeddedDefaultKeepsEveryAnsweredCommandThroughTenKillsInARow() {
        Path dataDir = work.resolve("data");
        // Odd rounds kill the service alone: its PostgreSQL outlives it, and the next start stops that server
        // first. Even rounds kill the server with it, as when a container goes, and the next start recovers
        // from the WAL: a commit acknowledged before its WAL was written would be missing then.
        survivesKills(dataDir, List.of(), round -> round % 2 == 0 ? embeddedServer(dataDir) : List.of());
        assertThat(StringUtils.countOccurrencesOf(log(), "left running on " + dataDir.resolve("postgres")))
                .as("servers the service's PostgreSQL outlived, stopped by the next start").isEqualTo(ROUNDS / 2);
    }

    @Test
    void anExternalServerKeepsEveryAnsweredCommandThroughTenKillsInARow() {
        // The tests' PostgreSQL may run without fsync: what is killed here is the service, not the database's machine.
        TestDatabase.Database database = TestDatabase.fresh();
        survivesKills(work.resolve("data"), List.of("--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password()),
                round -> List.of());
    }

    /** What dies with the service in a round, besides the service's own process. */
    private interface AlsoKilled {
        List<ProcessHandle> in(int round);
    }

    private void survivesKills(Path dataDir, List<String> database, AlsoKilled alsoKilled) {
        List<String> arguments = new ArrayList<>(database);
        // No scheduled fee run, so the stream stands still while views are compared with their rebuilds.
        arguments.add("--reserve.storage-fees.schedule=false");
        Path log = work.resolve(LOG);
        Queue<Answer> answered = new ConcurrentLinkedQueue<>();
        ServiceProcess service = ServiceProcess.start(dataDir, log, arguments);
        try {
            Scenario scenario = Scenario.setUp(service, answered);
            for (int round = 1; round <= ROUNDS; round++) {
                Load load = Load.start(service, scenario, answered);
                load.awaitAnswers(ANSWERS_BEFORE_KILL);
                pause(ThreadLocalRandom.current().nextLong(500));
                List<ProcessHandle> killed = new ArrayList<>(alsoKilled.in(round));
                service.kill();
                killed.forEach(ProcessHandle::destroyForcibly);
                killed.forEach(process -> process.onExit().join());
                List<String> refused = load.awaitEnd();
                assertThat(refused).as("answers other than 201 before the kill").isEmpty();

                long restart = System.nanoTime();
                service = ServiceProcess.start(dataDir, log, arguments);
                long check = System.nanoTime();
                assertEverythingKept(service, List.copyOf(answered));
                System.out.printf("round %d: %d commands answered 201 in this round, %d in all%s; restarted in %d ms,"
                                + " checked in %d ms%n", round, load.answers(), answered.size(),
                        killed.isEmpty() ? "" : ", PostgreSQL killed too", (check - restart) / 1_000_000,
                        (System.nanoTime() - check) / 1_000_000);
            }
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nservice log:\n" + service.logTail(), e);
        } finally {
            service.close();
        }
    }

    private String log() {
        try {
            return Files.readString(work.resolve(LOG));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertEverythingKept(ServiceProcess service, List<Answer> answered) {
        Api auditor = service.as("AUDITOR");
        Map<Long, JsonNode> stream = stream(auditor);
        for (Answer answer : answered) {
            JsonNode event = stream.get(answer.position());
            assertThat(event).as("the event of %s", answer).isNotNull();
            assertThat(event.get("payload").get(answer.idField()).asString()).as("the event of %s", answer)
                    .isEqualTo(answer.id());
        }
        long head = stream.keySet().stream().mapToLong(Long::longValue).max().orElse(0);

        Map<String, JsonNode> live = views(auditor, head);
        rebuild(service.as("ADMIN"));
        Map<String, JsonNode> rebuilt = views(auditor, head);
        for (String view : VIEWS.keySet()) {
            assertThat(live.get(view)).as("%s caught up with the stream, against its rebuild", view)
                    .isEqualTo(rebuilt.get(view));
        }

        JsonNode verification = auditor.get("/api/v1/audit/verify").json();
        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("verifiedEvents").asLong()).as(verification.toString()).isEqualTo(stream.size());
    }

    private static Map<Long, JsonNode> stream(Api auditor) {
        Map<Long, JsonNode> events = new HashMap<>();
        long after = 0;
        while (true) {
            Api.Response page = auditor.get("/api/v1/audit/events?limit=1000&afterPosition=" + after);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("events").forEach(event -> events.put(event.get("position").asLong(), event));
            JsonNode next = page.json().get("nextAfterPosition");
            if (next == null || next.isNull()) {
                return events;
            }
            after = next.asLong();
        }
    }

    private static Map<String, JsonNode> views(Api auditor, long head) {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        VIEWS.forEach((view, parameters) -> views.put(view, eventually("view " + view + " at " + head, () -> {
            Api.Response response = auditor.get("/api/v1/views/" + view + "?minPosition=" + head + parameters);
            return response.status() == 200 ? response.json() : null;
        })));
        return views;
    }

    private static void rebuild(Api admin) {
        Map<String, String> started = new HashMap<>();
        for (String projection : PROJECTIONS) {
            Api.Response response = admin.post("/api/v1/admin/projections/" + projection + "/rebuild", null);
            assertThat(response.status()).as(response.toString()).isEqualTo(202);
            started.put(projection, response.json().get("rebuild").get("startedAt").asString());
        }
        for (String projection : PROJECTIONS) {
            JsonNode rebuild = eventually("rebuild of " + projection, () -> {
                JsonNode state = admin.get("/api/v1/admin/projections/" + projection).json();
                JsonNode last = state.get("rebuild");
                boolean done = !state.get("replaying").asBoolean() && last != null
                        && last.get("startedAt").asString().equals(started.get(projection))
                        && !last.get("finishedAt").isNull();
                return done ? last : null;
            });
            assertThat(rebuild.get("failure").isNull()).as("rebuild of %s: %s", projection, rebuild).isTrue();
        }
    }

    /** The processes of the embedded PostgreSQL running on the data directory: the server and its backends. */
    private static List<ProcessHandle> embeddedServer(Path dataDir) {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return List.of();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(server -> Stream.concat(Stream.of(server), server.descendants()).toList())
                    .orElse(List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T eventually(String what, Supplier<T> attempt) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            T result = attempt.get();
            if (result != null) {
                return result;
            }
            pause(100);
        }
        throw new AssertionError(what + " not reached within " + PATIENCE);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A command answered 201: the id it made, the payload field that carries it, and its event's position. */
    record Answer(String command, String idField, String id, long position) {

        static Answer of(String command, String idField, Api.Response response) {
            return new Answer(command, idField, response.json().get(idField).asString(), response.position());
        }
    }

    /** Sites, a commitment and a facility the load works on, made once; their own answers are recorded too. */
    record Scenario(List<String> inventorySites, String drawSite, String commitmentId, String facilityId) {

        static Scenario setUp(ServiceProcess service, Queue<Answer> answered) {
            Api governance = service.as("GOVERNANCE");
            List<String> sites = new ArrayList<>();
            for (int i = 0; i < Load.INVENTORY_CLIENTS + 1; i++) {
                String site = Reserve.newSiteId("NV");
                answered.add(Answer.of("site", "siteId", created(governance.post("/api/v1/sites", Api.json(
                        "siteId", site, "name", "Depot " + site, "state", "NV", "capacityTonnes", 1_000_000)))));
                sites.add(site);
            }
            String manufacturer = Reserve.newSiteId("MK");
            answered.add(Answer.of("manufacturer", "manufacturerId", created(governance.post("/api/v1/manufacturers",
                    Api.json("manufacturerId", manufacturer, "name", "Maker " + manufacturer)))));
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Answer commitment = Answer.of("commitment", "commitmentId", created(governance.post("/api/v1/commitments",
                    Api.json("manufacturerId", manufacturer, "mineral", "NICKEL", "quantityTonnes", 1_000_000,
                            "pricePerTonneUsd", 16000, "startDate", today.minusDays(1).toString(),
                            "endDate", today.plusYears(1).toString(), "upfrontFeeUsd", 50000,
                            "storageFeePerTonneMonthUsd", 5, "replenishWithinDays", 60))));
            answered.add(commitment);
            String facility = Reserve.newSiteId("EXIM");
            answered.add(Answer.of("facility", "facilityId", created(service.as("TREASURY").post(
                    "/api/v1/financing/facilities", Api.json("facilityId", facility, "lender", "Export-Import Bank",
                            "limitUsd", 1_000_000_000_000L, "annualInterestRatePct", 4.5, "dayCount", "ACT_360",
                            "maturityDate", today.plusYears(10).toString())))));
            return new Scenario(sites.subList(0, Load.INVENTORY_CLIENTS), sites.getLast(), commitment.id(), facility);
        }

        private static Api.Response created(Api.Response response) {
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            return response;
        }
    }

    /**
     * Clients sending commands over HTTP until the service goes: deposits and withdrawals at sites of their own,
     * deposits and draws against the commitment, drawdowns of the facility. A request that gets no answer has an
     * unknown outcome and ends its client; every 201 is recorded.
     */
    static final class Load {

        static final int INVENTORY_CLIENTS = 2;

        private final Queue<Answer> answered;
        private final Queue<String> refused = new ConcurrentLinkedQueue<>();
        private final List<Thread> clients = new ArrayList<>();
        private final int before;

        private Load(Queue<Answer> answered) {
            this.answered = answered;
            this.before = answered.size();
        }

        static Load start(ServiceProcess service, Scenario scenario, Queue<Answer> answered) {
            Load load = new Load(answered);
            Api operator = service.as("OPERATOR");
            Api treasury = service.as("TREASURY");
            for (String site : scenario.inventorySites()) {
                load.client(i -> i % 2 == 0 ? load.deposit(operator, site)
                        : load.record("withdrawal", "withdrawalId", operator.post("/api/v1/sites/" + site + "/withdrawals",
                        Api.json("mineral", "NICKEL", "quantityTonnes", 1, "reason", "ROTATION"))));
            }
            load.client(i -> i % 2 == 0 ? load.deposit(operator, scenario.drawSite())
                    : load.record("draw", "drawId", operator.post("/api/v1/commitments/" + scenario.commitmentId() + "/draws",
                    Api.json("siteId", scenario.drawSite(), "quantityTonnes", 1))));
            load.client(i -> load.record("drawdown", "drawdownId", treasury.post(
                    "/api/v1/financing/facilities/" + scenario.facilityId() + "/drawdowns",
                    Api.json("amountUsd", 1000, "valueDate", LocalDate.now(ZoneOffset.UTC).toString(),
                            "purpose", "Procurement"))));
            load.clients.forEach(Thread::start);
            return load;
        }

        private interface Step {
            boolean send(int i);
        }

        private void client(Step step) {
            clients.add(Thread.ofPlatform().daemon().unstarted(() -> {
                try {
                    int sent = 0;
                    while (step.send(sent)) {
                        sent++;
                    }
                } catch (UncheckedIOException unknownOutcome) {
                    // The service went while the request was on its way or being answered.
                }
            }));
        }

        private boolean deposit(Api operator, String site) {
            return record("deposit", "depositId", operator.post("/api/v1/sites/" + site + "/deposits", Api.json(
                    "mineral", "NICKEL", "form", "cathode", "quantityTonnes", 2, "unitCostUsd", 16000,
                    "supplier", "Trader ID", "originCountry", "ID", "fundingSource", "EXIM_LOAN")));
        }

        /** Records a 201; anything else ends the client and fails the round. */
        private boolean record(String command, String idField, Api.Response response) {
            if (response.status() != 201) {
                refused.add(command + ": " + response);
                return false;
            }
            answered.add(Answer.of(command, idField, response));
            return true;
        }

        void awaitAnswers(int count) {
            eventually(count + " answers", () -> answers() >= count || !refused.isEmpty() ? true : null);
        }

        int answers() {
            return answered.size() - before;
        }

        /** Waits for every client to end and returns the answers other than 201. */
        List<String> awaitEnd() {
            for (Thread client : clients) {
                try {
                    if (!client.join(Duration.ofSeconds(60))) {
                        throw new AssertionError("a client still runs a minute after the service was killed");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return List.copyOf(refused);
        }
    }
}

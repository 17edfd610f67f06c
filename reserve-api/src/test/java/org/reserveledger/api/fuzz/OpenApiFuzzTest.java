package org.reserveledger.api.fuzz;

import org.junit.jupiter.api.Test;
import org.reserveledger.api.fuzz.ApiDocument.Operation;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.Reserve;
import org.reserveledger.api.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded fuzzing run of the service's own OpenAPI document: for every operation it describes,
 * requests built from the document (valid ids of a small seeded reserve and hostile ones, query
 * parameters and body fields at and past their bounds, wrong types, several maxima at once, wrong
 * tokens) go to the running service. No answer may be a server error (but a 503 of a
 * {@code minPosition} wait), every refusal is an RFC 9457 problem that appended nothing, and after
 * every command that appended the projections still reach the stream's head. All broken rules are
 * reported together, grouped by cause, with the exceptions the service logged.
 *
 * <p>The run is seeded ({@code -Dreserve.fuzz.seed=N} replays one) and bounded in requests
 * ({@code reserve.fuzz.requests}, default 4000) and seconds ({@code reserve.fuzz.seconds}, default 75).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // A minPosition the projections cannot reach answers 503 after this wait; the fuzzer sends many.
        properties = "reserve.view-wait=250ms")
@ActiveProfiles("test")
class OpenApiFuzzTest {

    private static final long DEFAULT_SEED = 20_260_101L;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(5);
    private static final int APPENDS_PER_CHECK = 25;
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Path REPORT = Path.of("target", "openapi-fuzz-report.txt");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry, OpenApiFuzzTest.class);
    }

    @Test
    void noRequestTheDocumentDescribesIsAnsweredWithAServerErrorOrAppendsWhenRefused() throws Exception {
        long seed = Long.getLong("reserve.fuzz.seed", DEFAULT_SEED);
        int maxRequests = Integer.getInteger("reserve.fuzz.requests", 4000);
        Duration budget = Duration.ofSeconds(Long.getLong("reserve.fuzz.seconds", 75));
        System.out.printf("OpenAPI fuzz: seed %d (replay with -Dreserve.fuzz.seed=%d), at most %d requests in %ds%n",
                seed, seed, maxRequests, budget.toSeconds());

        Map<String, List<String>> ids = seedReserve();
        List<Operation> operations = ApiDocument.operations(new Api(port, null).get("/v3/api-docs").body());
        assertThat(operations).as("operations in /v3/api-docs").isNotEmpty();
        Random random = new Random(seed);
        Inputs inputs = new Inputs(ids, LocalDate.now(ZoneOffset.UTC), Instant.now(), random);
        CaseGenerator generator = new CaseGenerator(inputs, random);

        ServiceLog log = ServiceLog.attach();
        Run run = new Run(new RawHttp(port, 15_000), log, maxRequests, Instant.now().plus(budget));
        try {
            List<FuzzCase> cases = new ArrayList<>();
            for (Operation operation : operations) {
                List<String> allowed = new ArrayList<>();
                for (FuzzCase discovery : generator.discovery(operation)) {
                    RawHttp.Answer answer = run.send(discovery).getFirst();
                    if (answer != null && discovery.target().equals("role") && answer.status() != 401
                            && answer.status() != 403) {
                        allowed.add(discovery.input());
                    }
                }
                cases.addAll(generator.cases(operation, allowed));
            }
            Collections.shuffle(cases, random);
            for (FuzzCase fuzzCase : cases) {
                if (!run.hasBudget(fuzzCase.requests().size())) {
                    break;
                }
                run.send(fuzzCase);
            }
            run.finish();
            String summary = run.summary(operations.size(), cases.size(), seed);
            String report = summary + run.findings.report();
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, report);
            System.out.println(report);
            assertThat(run.findings.isEmpty())
                    .as("%d broken rules in %d causes (report in %s):%n%s", run.findings.count(),
                            run.findings.causes().size(), REPORT.toAbsolutePath(), String.join("\n", run.findings.causes()))
                    .isTrue();
        } finally {
            log.detach();
        }
    }

    /** A small reserve made through the API, whose ids valid requests name. */
    private Map<String, List<String>> seedReserve() {
        Api api = new Api(port, null);
        Reserve reserve = new Reserve(api, jdbc);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, List<String>> ids = new LinkedHashMap<>();

        List<String> sites = List.of(reserve.registerSite("NV", "1000000000"), reserve.registerSite("AZ", "1000000000"),
                reserve.registerSite("WY", "1000"));
        ids.put("siteId", sites);
        ids.put("lotId", List.of(
                field(reserve.deposit(sites.get(0), "LITHIUM", "500", "12000", "CL"), "lotId"),
                field(reserve.deposit(sites.get(1), "LITHIUM", "100", "11000", "AU"), "lotId"),
                field(reserve.deposit(sites.get(2), "COBALT", "10", "30000", "CD"), "lotId")));
        ids.put("transferId", List.of(
                field(reserve.transfer(sites.get(0), sites.get(1), "LITHIUM", "1"), "transferId"),
                field(reserve.transfer(sites.get(0), sites.get(2), "LITHIUM", "1"), "transferId")));
        field(api.as("GOVERNANCE").put("/api/v1/reference-prices/LITHIUM", Api.json(
                "pricePerTonneUsd", 15000, "effectiveFrom", today.minusDays(10).toString())), "mineral");

        Api governance = api.as("GOVERNANCE");
        for (String manufacturer : List.of("VOLTCELL", "AEROSPACE-ONE")) {
            field(governance.post("/api/v1/manufacturers", Api.json("manufacturerId", manufacturer, "name", manufacturer)),
                    "position");
        }
        ids.put("manufacturerId", List.of("VOLTCELL", "AEROSPACE-ONE"));
        List<String> commitments = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            commitments.add(field(governance.post("/api/v1/commitments", Api.json("manufacturerId", "VOLTCELL",
                    "mineral", "LITHIUM", "quantityTonnes", 50, "pricePerTonneUsd", 14000,
                    "startDate", today.minusDays(30).toString(), "endDate", today.plusDays(365).toString(),
                    "upfrontFeeUsd", 1000, "storageFeePerTonneMonthUsd", 5, "replenishWithinDays", 30)), "commitmentId"));
        }
        ids.put("commitmentId", commitments);
        ids.put("disruptionId", List.of(
                field(governance.post("/api/v1/disruptions", Api.json("mineral", "GALLIUM", "reason", "export ban")),
                        "disruptionId"),
                field(governance.post("/api/v1/disruptions", Api.json("mineral", "GERMANIUM", "reason", "export ban")),
                        "disruptionId")));

        Api treasury = api.as("TREASURY");
        field(treasury.post("/api/v1/financing/facilities", Api.json("facilityId", "FZ-FACILITY-1", "lender", "EXIM",
                "limitUsd", 1_000_000_000, "annualInterestRatePct", 5, "dayCount", "ACT_365",
                "maturityDate", today.plusYears(5).toString())), "position");
        field(treasury.post("/api/v1/financing/facilities/FZ-FACILITY-1/drawdowns", Api.json("amountUsd", 1_000_000,
                "valueDate", today.minusDays(10).toString(), "purpose", "procurement")), "position");
        ids.put("facilityId", List.of("FZ-FACILITY-1"));
        for (String investor : List.of("FZ-INVESTOR-1", "FZ-INVESTOR-2")) {
            field(treasury.post("/api/v1/financing/investors", Api.json("investorId", investor, "name", investor,
                    "commitmentUsd", 100_000_000)), "position");
        }
        ids.put("investorId", List.of("FZ-INVESTOR-1", "FZ-INVESTOR-2"));
        ids.put("capitalCallId", List.of(field(treasury.post("/api/v1/financing/capital-calls", Api.json(
                "amountUsd", 1_000_000, "dueDate", today.plusDays(30).toString())), "capitalCallId")));

        List<String> projections = new ArrayList<>();
        Api.Response states = api.as("ADMIN").get("/api/v1/admin/projections");
        assertThat(states.status()).as(states.toString()).isEqualTo(200);
        states.json().forEach(state -> projections.add(state.get("name").asString()));
        ids.put("projection", projections);
        return ids;
    }

    private static String field(Api.Response response, String name) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return response.json().get(name).asString();
    }

    private Map<String, Long> eventTypes() {
        return eventTypes(0, Long.MAX_VALUE);
    }

    /** How many events of each type the stream holds after {@code from} up to {@code to}. */
    private Map<String, Long> eventTypes(long from, long to) {
        Map<String, Long> types = new LinkedHashMap<>();
        jdbc.sql("select payload_type, count(*) as n from domain_event_entry where global_index > ? and global_index <= ?"
                        + " group by payload_type order by n desc")
                .params(from, to)
                .query((row, number) -> types.put(row.getString(1).substring(row.getString(1).lastIndexOf('.') + 1),
                        row.getLong(2)))
                .list();
        return types;
    }

    private long head() {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
    }

    /** A request sent, with the stream's head before and after it and its answer (null when none came). */
    private record Appended(FuzzCase fuzzCase, RawHttp.Request request, long before, long after, RawHttp.Answer answer) {

        int status() {
            return answer == null ? 0 : answer.status();
        }

        String body() {
            return answer == null ? "" : answer.body();
        }
    }

    private record Timed(String request, Duration took) {

        @Override
        public String toString() {
            return request + " " + took.toMillis() + " ms";
        }
    }

    /** Sends the cases within the bounds, checks every answer, and keeps what it found. */
    private final class Run {

        private final RawHttp http;
        private final ServiceLog log;
        private final int maxRequests;
        private final Instant deadline;
        private final Instant started = Instant.now();
        private final Findings findings = new Findings();
        private final Set<String> stalled = new HashSet<>();
        private final Map<Integer, Integer> statuses = new TreeMap<>();
        private final Map<String, Integer> perOperation = new TreeMap<>();
        private final List<Appended> unchecked = new ArrayList<>();
        private final List<ServiceLog.Entry> background = new ArrayList<>();
        private Appended last;
        private final List<Timed> slowest = new ArrayList<>();
        private Duration sending = Duration.ZERO;
        private Duration waiting = Duration.ZERO;
        private int sent;
        private int casesRun;

        Run(RawHttp http, ServiceLog log, int maxRequests, Instant deadline) {
            this.http = http;
            this.log = log;
            this.maxRequests = maxRequests;
            this.deadline = deadline;
        }

        boolean hasBudget(int requests) {
            return sent + requests <= maxRequests && Instant.now().isBefore(deadline);
        }

        /** The answers in order; null where none came. */
        List<RawHttp.Answer> send(FuzzCase fuzzCase) {
            casesRun++;
            List<RawHttp.Answer> answers = new ArrayList<>();
            for (RawHttp.Request request : fuzzCase.requests()) {
                long before = head();
                RawHttp.Answer answer;
                String failure = null;
                Instant start = Instant.now();
                try {
                    answer = http.send(request);
                } catch (SocketTimeoutException e) {
                    answer = null;
                    failure = "no complete answer within " + http.timeoutMillis() / 1000 + " s";
                } catch (IOException e) {
                    answer = null;
                    failure = "no complete answer: " + e.getMessage();
                }
                time(fuzzCase, request, Duration.between(start, Instant.now()));
                List<ServiceLog.Entry> logged = new ArrayList<>();
                // A logged denial comes from the async dispatch of an event stream a client closed earlier,
                // whichever request is under way then; Axon's warnings of refused commands are not errors.
                for (ServiceLog.Entry entry : log.drain()) {
                    if (!entry.duringARequest() || entry.text().contains("AuthorizationDeniedException")) {
                        background.add(entry);
                    } else {
                        logged.add(entry);
                    }
                }
                last = new Appended(fuzzCase, request, before, before, answer);
                if (answer == null) {
                    findings.add(fuzzCase, request, failure, 0, "", logged);
                }
                sent++;
                perOperation.merge(fuzzCase.operation().toString(), 1, Integer::sum);
                answers.add(answer);
                if (answer != null) {
                    statuses.merge(answer.status(), 1, Integer::sum);
                    check(fuzzCase, request, answer, before, head(), logged);
                }
            }
            return answers;
        }

        private void check(FuzzCase fuzzCase, RawHttp.Request request, RawHttp.Answer answer, long before, long after,
                           List<ServiceLog.Entry> logged) {
            int status = answer.status();
            if (status >= 500 && !(status == 503 && request.target().contains("minPosition=")
                    && answer.header("Retry-After") != null)) {
                findings.add(fuzzCase, request, "server error" + (after != before ? ", and it appended" : ""), status,
                        answer.body(), logged);
            } else if (status >= 400 && status < 500) {
                String problem = problemFault(answer);
                if (problem != null) {
                    findings.add(fuzzCase, request, "refusal is not an RFC 9457 problem: " + problem, status,
                            answer.body(), logged);
                }
                if (after != before) {
                    findings.add(fuzzCase, request, "refused, yet appended", status,
                            "(" + (after - before) + " events appended) " + answer.body(), logged);
                }
            } else if (logged.stream().anyMatch(ServiceLog.Entry::error)) {
                findings.add(fuzzCase, request, "answered " + status + " but logged an error", status, answer.body(),
                        logged.stream().filter(ServiceLog.Entry::error).toList());
            }
            if (status < 300 && after > before && fuzzCase.operation().command()) {
                unchecked.add(new Appended(fuzzCase, request, before, after, answer));
                if (unchecked.size() >= APPENDS_PER_CHECK) {
                    checkProjections();
                }
            }
        }


        private void time(FuzzCase fuzzCase, RawHttp.Request request, Duration took) {
            sending = sending.plus(took);
            slowest.add(new Timed(fuzzCase.operation() + " " + fuzzCase.target() + "=" + FuzzCase.shorten(fuzzCase.input(), 40)
                    + " (" + FuzzCase.shorten(request.target(), 80) + ")", took));
            slowest.sort(Comparator.comparing(Timed::took).reversed());
            if (slowest.size() > 5) {
                slowest.removeLast();
            }
        }

        private static String problemFault(RawHttp.Answer answer) {
            String type = answer.header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                return "Content-Type " + type;
            }
            JsonNode body;
            try {
                body = JSON.readTree(answer.body());
            } catch (RuntimeException e) {
                return "body is not JSON";
            }
            JsonNode status = body.get("status");
            if (status == null || status.asInt() != answer.status()) {
                return "status field " + status;
            }
            return null;
        }

        /**
         * Commands that appended must not leave a projection behind the head: one that stops short has
         * failed on the event after its position, and the command that appended that event is to blame.
         */
        private void checkProjections() {
            if (unchecked.isEmpty()) {
                reportBackground(last);
                return;
            }
            Instant start = Instant.now();
            long head = unchecked.getLast().after();
            Instant until = start.plus(PROJECTION_WAIT);
            Map<String, Long> behind = behind(head);
            while (!behind.isEmpty() && Instant.now().isBefore(until)) {
                pause(POLL);
                behind = behind(head);
            }
            log.drain().forEach(background::add);
            behind.forEach((projection, position) -> {
                stalled.add(projection);
                // A processor records its position lazily over events it ignores, so the event it fails on is
                // one of those after its position: every command that appended one is a suspect.
                List<Appended> suspects = unchecked.stream().filter(appended -> position < appended.after()).toList();
                Appended first = suspects.isEmpty() ? unchecked.getLast() : suspects.getFirst();
                String appendedAfter = suspects.stream().map(appended -> appended.fuzzCase().operation() + " "
                                + appended.fuzzCase().target() + "=" + FuzzCase.shorten(appended.fuzzCase().input(), 60)
                                + " appended " + eventTypes(appended.before(), appended.after()))
                        .collect(Collectors.joining("; "));
                List<ServiceLog.Entry> its = background.stream().filter(entry -> about(entry, projection)).toList();
                background.removeIf(entry -> about(entry, projection));
                findings.add(first.fuzzCase(), first.request(), "projection " + projection
                        + " stopped below the head after this command or one soon after", first.status(),
                        "the projection stayed at " + position + "; commands since: " + appendedAfter, its);
            });
            reportBackground(unchecked.getLast());
            unchecked.clear();
            waiting = waiting.plus(Duration.between(start, Instant.now()));
        }

        /**
         * Errors an event processor or a rebuild logged since the last check, each once per cause, shown
         * with the last request before it (a stalled projection's retries are left out: it is reported).
         */
        private void reportBackground(Appended near) {
            background.removeIf(entry -> stalled.stream().anyMatch(projection -> about(entry, projection)));
            Map<String, ServiceLog.Entry> causes = new LinkedHashMap<>();
            background.forEach(entry -> causes.putIfAbsent(entry.signature(), entry));
            if (near != null) {
                causes.values().forEach(entry -> findings.add(near.fuzzCase(), near.request(),
                        Findings.OUTSIDE_A_REQUEST + " (shown with the request before it)",
                        near.status(), near.body(), List.of(entry)));
            }
            background.clear();
        }

        /** Whether an error was logged by a projection's processor, its rebuild or its code. */
        private static boolean about(ServiceLog.Entry entry, String projection) {
            return entry.text().contains("[" + projection + "]") || entry.text().contains("projection " + projection + " ")
                    || entry.text().contains(".projections." + projection + ".");
        }

        private Map<String, Long> behind(long head) {
            Map<String, Long> behind = new TreeMap<>();
            try {
                RawHttp.Answer answer = http.send(new RawHttp.Request("GET", "/api/v1/admin/projections",
                        Map.of("Authorization", "Bearer " + Api.tokenOf("ADMIN")), null));
                for (JsonNode state : JSON.readTree(answer.body())) {
                    String name = state.get("name").asString();
                    long position = state.get("position").asLong();
                    if (!stalled.contains(name) && (position < head || state.get("replaying").asBoolean())) {
                        behind.put(name, position);
                    }
                }
            } catch (IOException | RuntimeException e) {
                behind.put("(admin/projections unreadable: " + e.getMessage() + ")", -1L);
            }
            return behind;
        }

        private static void pause(Duration duration) {
            try {
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The whole stream, once the run is over: projections at the head and an audit chain that verifies. */
        void finish() throws IOException {
            checkProjections();
            FuzzCase end = new FuzzCase(new Operation("GET", "(end of run)", List.of(), List.of(), null, false),
                    "stream", "after " + sent + " requests", List.of());
            RawHttp.Request verify = new RawHttp.Request("GET", "/api/v1/audit/verify",
                    Map.of("Authorization", "Bearer " + Api.tokenOf("AUDITOR")), null);
            RawHttp.Answer verified = http.send(verify);
            if (verified.status() != 200 || !JSON.readTree(verified.body()).path("ok").asBoolean()) {
                findings.add(end, verify, "the audit chain does not verify", verified.status(), verified.body(), List.of());
            }
        }

        String summary(int operations, int generated, long seed) {
            Duration took = Duration.between(started, Instant.now());
            StringBuilder summary = new StringBuilder()
                    .append("OpenAPI fuzz run: seed ").append(seed).append(", ").append(operations).append(" operations, ")
                    .append(casesRun).append(" of ").append(generated).append(" generated cases, ")
                    .append(sent).append(" requests in ").append(took.toMillis() / 1000.0).append(" s")
                    .append(sent >= maxRequests ? " (request bound reached)" : "")
                    .append(Instant.now().isAfter(deadline) ? " (time bound reached)" : "").append('\n')
                    .append("statuses: ").append(statuses).append('\n')
                    .append("time in requests ").append(sending.toMillis() / 1000.0).append(" s, waiting for projections ")
                    .append(waiting.toMillis() / 1000.0).append(" s; slowest: ").append(slowest).append('\n')
                    .append("requests per operation: ").append(perOperation).append('\n')
                    .append("events in the stream by type: ").append(eventTypes()).append('\n')
                    .append(findings.count()).append(" broken rules in ").append(findings.causes().size())
                    .append(" causes\n");
            return summary.toString();
        }
    }
}

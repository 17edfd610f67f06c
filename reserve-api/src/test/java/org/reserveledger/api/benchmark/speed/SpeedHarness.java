package org.reserveledger.api.benchmark.speed;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The speed harness, not a test: it prints every figure of the speed table for one target, with each figure's
 * ratio to PostgreSQL's own limit measured by the same command in the same run, and writes the table to
 * {@code target/bench-<target>.txt}. It asserts only that the commands, rebuilds and reads it sends succeed.
 *
 * <p>The service runs as it is deployed, as a child process ({@link ChildService}) with a fresh data directory:
 * {@code -Dbench.target=embedded} (the default) gives it no datasource, so it runs on its own embedded PostgreSQL;
 * {@code -Dbench.target=external} points it at a database the harness creates on {@code -Dbench.url} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code -Dbench.user}, {@code -Dbench.password}) and drops
 * afterwards. pgbench runs against the same server, in a database of its own.
 *
 * <p>Run it with {@code ./mvnw -q -DskipTests install && ./mvnw -pl reserve-api test -Dgroups=benchmark
 * -DexcludedGroups= -Dtest=SpeedHarness -Dsurefire.failIfNoSpecifiedTests=false -Dbench.target=embedded}; see the
 * README for every {@code bench.*} setting.
 */
@Tag("benchmark")
class SpeedHarness {

    private static final String TARGET = System.getProperty("bench.target", "embedded");
    private static final String URL = System.getProperty("bench.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = System.getProperty("bench.user", "postgres");
    private static final String PASSWORD = System.getProperty("bench.password", "");
    private static final long EVENTS = Long.getLong("bench.events", 476_000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 15);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 10);
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final int READ_SECONDS = Integer.getInteger("bench.read-seconds", 10);
    private static final int PORT = Integer.getInteger("bench.port", 8091);
    /**
     * The pause between two reads of the projections' positions while the lag is measured: each read is a request
     * the service answers on the same two cores as the load, so a poll every few milliseconds slows what it measures.
     */
    private static final int LAG_POLL_MILLIS = Integer.getInteger("bench.lag-poll-ms", 20);
    /** {@code false} leaves out the command and lag phases, for a look at the big stream's figures alone. */
    private static final boolean COMMANDS = Boolean.parseBoolean(System.getProperty("bench.commands", "true"));
    /** {@code false} leaves out the big stream and every phase on it, for a look at the command figures alone. */
    private static final boolean STREAM = Boolean.parseBoolean(System.getProperty("bench.stream", "true"));
    private static final String JAR = System.getProperty("bench.jar", "target/reserve-api-0.1.0-SNAPSHOT.jar");
    private static final List<String> JVM_OPTIONS = Arrays.stream(System.getProperty("bench.service-jvm", "").split(" "))
            .filter(option -> !option.isBlank()).toList();
    private static final List<String> PROJECTIONS = List.of("inventory", "commitments", "financing");
    private static final String RAW_SCAN =
            "copy (select global_index, payload, meta_data from domain_event_entry order by global_index) to stdout";

    @TempDir
    Path work;

    private final SpeedTable table = new SpeedTable();

    @Test
    void printsTheSpeedTable() throws Exception {
        Target target = Target.of(TARGET, URL, USER, PASSWORD);
        Path dataDir = work.resolve("data");
        Path log = Path.of("target", "bench-" + target.name() + "-service.log");
        Files.deleteIfExists(log);
        Files.createDirectories(log.getParent());
        List<String> arguments = new ArrayList<>(target.serviceArguments());
        // The stream stands still but for the harness's own commands, and no checkpoint is ever near an asOf.
        arguments.addAll(List.of("--reserve.storage-fees.schedule=false", "--reserve.projections.checkpoints.schedule=false"));
        Pgbench pgbench = null;
        ChildService service = ChildService.start(Path.of(JAR), dataDir, log, PORT, JVM_OPTIONS, arguments);
        try {
            Target.Server server = target.server(dataDir);
            table.note("Reserve Ledger speed, target " + target.name() + ": PostgreSQL " + server.version() + " at "
                    + server.host() + ":" + server.port() + ", " + Instant.now());
            table.note("service: " + service.launchedFrom() + ", port " + service.port() + ", JVM options "
                    + (JVM_OPTIONS.isEmpty() ? "(defaults)" : JVM_OPTIONS) + ", log " + log.toAbsolutePath());
            Optional<Path> executable = Pgbench.find();
            if (executable.isPresent()) {
                pgbench = Pgbench.setUp(executable.get(), benchDirectory(), server);
                table.note("anchor: " + pgbench.describe());
            } else {
                table.note("anchor: pgbench NOT FOUND (-Dbench.pgbench=, PATH, /usr/lib/postgresql/15/bin): "
                        + "figures are printed without their ratios to pgbench");
            }
            table.note("phases of " + SECONDS + " s after a " + WARMUP + " s warm-up, medians of " + RUNS
                    + " runs; reads " + READ_SECONDS + " s per view; stream grown to " + EVENTS + " events");
            if (COMMANDS) {
                commands(service, pgbench);
            } else {
                table.note("command and lag phases left out (-Dbench.commands=false)");
            }
            if (STREAM) {
                bigStream(service, target.serviceDatabaseUrl(dataDir), server, dataDir);
            } else {
                table.note("the big stream and its phases left out (-Dbench.stream=false)");
            }
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nservice log:\n" + service.logTail(), e);
        } finally {
            // The anchor's database first: the embedded server goes with the service.
            if (pgbench != null) {
                pgbench.close();
            }
            service.close();
            target.close();
            String rendered = table.render();
            System.out.println("\n" + rendered);
            table.write(Path.of("target", "bench-" + target.name() + ".txt"));
        }
    }

    /** The directory holding the anchor's SQL, {@code bench/} at the repository's root. */
    private static Path benchDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bench").resolve("pgbench-append.sql"))) {
                return dir.resolve("bench");
            }
        }
        throw new IllegalStateException("no bench/pgbench-append.sql above " + Path.of("").toAbsolutePath());
    }

    // ---------------------------------------------------------------- commands, 1 and 8 clients; lag at 32

    private void commands(ChildService service, Pgbench pgbench) {
        List<String> sites = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String site = "NV-LOAD-" + i;
            HttpResponse<String> response = service.post("GOVERNANCE", "/api/v1/sites",
                    "{\"siteId\":\"%s\",\"name\":\"Load depot %d\",\"state\":\"NV\",\"capacityTonnes\":1000000000}"
                            .formatted(site, i));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            sites.add(site);
        }
        succeeded(CommandLoad.run(service, sites, 8, Duration.ofSeconds(WARMUP)));
        List<CommandLoad.Result> one = new ArrayList<>();
        List<CommandLoad.Result> eight = new ArrayList<>();
        List<Double> anchorOne = new ArrayList<>();
        List<Double> anchorEight = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            if (pgbench != null) {
                anchorOne.add(pgbench.run(1, SECONDS).tps());
            }
            one.add(succeeded(CommandLoad.run(service, sites, 1, Duration.ofSeconds(SECONDS))));
            if (pgbench != null) {
                anchorEight.add(pgbench.run(8, SECONDS).tps());
            }
            eight.add(succeeded(CommandLoad.run(service, sites, 8, Duration.ofSeconds(SECONDS))));
            System.out.printf("[bench] run %d: 1 client %.0f/s (pgbench %s), 8 clients %.0f/s (pgbench %s)%n", run + 1,
                    one.getLast().throughput(), anchorOne.isEmpty() ? "-" : "%.0f".formatted(anchorOne.getLast()),
                    eight.getLast().throughput(), anchorEight.isEmpty() ? "-" : "%.0f".formatted(anchorEight.getLast()));
        }
        commandRow("commands/s, 8 clients", eight, anchorEight, ">= 15 % of pgbench (8), p99 <= 25 ms",
                (ratio, r) -> ratio != null && ratio >= 0.15 && r.p99 <= 25);
        commandRow("commands/s, 1 client", one, anchorOne, "p50 <= 1 ms", (ratio, r) -> r.p50 <= 1);

        try (CommandLoad.ProjectionPoller poller = new CommandLoad.ProjectionPoller(service, LAG_POLL_MILLIS)) {
            CommandLoad.Result load = succeeded(CommandLoad.run(service, sites, 32, Duration.ofSeconds(SECONDS)));
            long head = load.maxPosition();
            long caughtUp = awaitNanos(() -> poller.lowest() >= head, Duration.ofMinutes(5));
            double caughtUpMs = (caughtUp - load.endNanos()) / 1e6;
            long[] lags = poller.lags(load.ackNanos(), load.ackPositions());
            table.row("projection lag, 32 clients", "p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d of %d acks; %.0f cmd/s; polled every %d ms)"
                            .formatted(Harness.percentile(lags, 50) / 1e6, Harness.percentile(lags, 99) / 1e6,
                                    lags.length == 0 ? Double.NaN : lags[lags.length - 1] / 1e6, lags.length,
                                    load.ackNanos().length, load.throughput(), LAG_POLL_MILLIS),
                    "-", "p99 <= 250 ms", Harness.percentile(lags, 99) / 1e6 <= 250);
            table.row("caught up after the load stops", "%.0f ms (to position %d)".formatted(Math.max(0, caughtUpMs), head),
                    "-", "<= 1 s", caughtUpMs <= 1000);
        }
    }

    private record Summary(double throughput, double p50, double p99) {
    }

    private interface Met {
        boolean test(Double ratio, Summary summary);
    }

    private void commandRow(String figure, List<CommandLoad.Result> runs, List<Double> anchors, String must, Met met) {
        Summary summary = new Summary(
                Harness.median(runs.stream().mapToDouble(CommandLoad.Result::throughput).toArray()),
                Harness.median(runs.stream().mapToDouble(CommandLoad.Result::p50Ms).toArray()),
                Harness.median(runs.stream().mapToDouble(CommandLoad.Result::p99Ms).toArray()));
        Double ratio = anchors.isEmpty() ? null : Harness.median(IntStream.range(0, runs.size())
                .mapToDouble(i -> runs.get(i).throughput() / anchors.get(i)).toArray());
        table.row(figure, "%.0f cmd/s, p50 %.2f ms, p99 %.2f ms".formatted(summary.throughput(), summary.p50(),
                        summary.p99()),
                ratio == null ? "n/a (no pgbench)" : "%.1f %% of pgbench %.0f tps".formatted(100 * ratio,
                        Harness.median(anchors.stream().mapToDouble(Double::doubleValue).toArray())),
                must, anchors.isEmpty() && must.contains("pgbench") ? null : met.test(ratio, summary));
    }

    private static CommandLoad.Result succeeded(CommandLoad.Result result) {
        assertThat(result.failures()).as("answers other than 201 from %d clients: %s", result.clients(),
                result.failureSamples()).isZero();
        assertThat(result.latencies()).as("commands answered 201").isNotEmpty();
        return result;
    }

    // ---------------------------------------------------------------- the big stream

    private void bigStream(ChildService service, String databaseUrl, Target.Server server, Path dataDir)
            throws Exception {
        long start = System.nanoTime();
        SyntheticStream stream = new SyntheticStream(service);
        SyntheticStream.Activity activity = stream.seed();
        table.note("seed: %d commands through REST in %.1f s, events %d..%d copied".formatted(activity.commands(),
                Harness.seconds(start), activity.from(), activity.to()));
        start = System.nanoTime();
        List<SyntheticStream.Mark> marks = SyntheticStream.grow(databaseUrl, server.user(), server.password(), dataDir,
                activity, EVENTS);
        long events = count(databaseUrl, server);
        table.note("grown to %d events (appended and attested) in %.1f s".formatted(events, Harness.seconds(start)));
        start = System.nanoTime();
        long head = awaitProjectionsAtHead(service);
        table.note("live projections caught up with %d events %.1f s after the growth ended"
                .formatted(head, Harness.seconds(start)));
        awaitChainLinked(service);

        double[] scans = new double[3];
        for (int i = 0; i < scans.length; i++) {
            scans[i] = rawScan(databaseUrl, server, events);
        }
        double scan = Harness.median(scans);
        table.row("raw ordered scan (COPY via pgjdbc)", "%.0f ev/s (%d events in %.2f s)".formatted(scan, events,
                events / scan), "-", "(the limit of a replay)", null);

        for (String projection : PROJECTIONS) {
            rebuild(service, projection, scan);
        }
        reads(service);
        asOf(service, marks, databaseUrl, server);
        audit(service, events, scan);
    }

    private static long count(String url, Target.Server server) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, server.user(), server.password());
             var rs = connection.createStatement().executeQuery("select count(*) from domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double rawScan(String url, Target.Server server, long events) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(url, server.user(), server.password())) {
            CopyManager copy = new CopyManager(connection.unwrap(BaseConnection.class));
            long start = System.nanoTime();
            long rows = copy.copyOut(RAW_SCAN, OutputStream.nullOutputStream());
            double seconds = Harness.seconds(start);
            assertThat(rows).isEqualTo(events);
            return rows / seconds;
        }
    }

    private static JsonNode projections(ChildService service) {
        HttpResponse<String> response = service.get("ADMIN", "/api/v1/admin/projections");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Harness.json(response.body());
    }

    private static long awaitProjectionsAtHead(ChildService service) {
        AtomicLong head = new AtomicLong();
        awaitNanos(() -> {
            JsonNode all = projections(service);
            long lowest = Long.MAX_VALUE;
            for (JsonNode projection : all) {
                assertThat(projection.get("deadLetters").get("count").asLong()).as("events parked: %s", projection).isZero();
                lowest = Math.min(lowest, projection.get("position").asLong());
                head.set(projection.get("headPosition").asLong());
            }
            return lowest >= head.get();
        }, Duration.ofMinutes(60), 100);
        return head.get();
    }

    private static void awaitChainLinked(ChildService service) {
        awaitNanos(() -> {
            HttpResponse<String> lag = service.get("ADMIN", "/actuator/metrics/reserve.audit.chain.lag.events");
            return lag.statusCode() == 200
                    && Harness.json(lag.body()).get("measurements").get(0).get("value").asDouble() == 0;
            // Seldom enough that asking does not slow the linking it waits for.
        }, Duration.ofMinutes(30), 500);
    }

    private void rebuild(ChildService service, String projection, double scan) {
        HttpResponse<String> started = service.post("ADMIN", "/api/v1/admin/projections/" + projection + "/rebuild", null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String startedAt = Harness.json(started.body()).get("rebuild").get("startedAt").asString();
        JsonNode[] last = new JsonNode[1];
        awaitNanos(() -> {
            JsonNode state = Harness.json(service.get("ADMIN", "/api/v1/admin/projections/" + projection).body());
            JsonNode rebuild = state.get("rebuild");
            last[0] = rebuild;
            return !state.get("replaying").asBoolean() && rebuild != null && !rebuild.get("finishedAt").isNull()
                    && rebuild.get("startedAt").asString().equals(startedAt);
        }, Duration.ofMinutes(60));
        JsonNode rebuild = last[0];
        assertThat(rebuild.get("failure").isNull()).as("rebuild of %s: %s", projection, rebuild).isTrue();
        double seconds = Duration.between(Instant.parse(rebuild.get("startedAt").asString()),
                Instant.parse(rebuild.get("finishedAt").asString())).toNanos() / 1e9;
        long events = rebuild.get("events").asLong();
        double rate = events / seconds;
        table.row("rebuild " + projection, "%.0f ev/s (%d events in %.2f s)".formatted(rate, events, seconds),
                "%.1f %% of the raw scan".formatted(100 * rate / scan), ">= 50 000 ev/s", rate >= 50_000);
    }

    private void reads(ChildService service) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String monthEnds = IntStream.rangeClosed(1, 12)
                .mapToObj(m -> today.withDayOfMonth(1).minusMonths(m - 1L).minusDays(1).toString())
                .collect(Collectors.joining(","));
        Map<String, String> views = new LinkedHashMap<>();
        views.put("inventory-by-site", "/api/v1/views/inventory-by-site");
        views.put("inventory-by-mineral", "/api/v1/views/inventory-by-mineral");
        views.put("concentration", "/api/v1/views/concentration");
        views.put("commitments", "/api/v1/views/commitments");
        views.put("financing", "/api/v1/views/financing");
        views.put("financing history (12 month ends)", "/api/v1/views/financing/history?valueDates=" + monthEnds);
        views.forEach((name, path) -> {
            HttpRequest request = service.request("AUDITOR", path, Duration.ofMinutes(2)).GET().build();
            HttpResponse<String> first = service.send(request);
            assertThat(first.statusCode()).as("%s: %s", name, first.body()).isEqualTo(200);
            int bytes = first.body().length();
            Harness.Longs[] latencies = new Harness.Longs[8];
            AtomicLong failures = new AtomicLong();
            long deadline = System.nanoTime() + Duration.ofSeconds(READ_SECONDS).toNanos();
            long start = System.nanoTime();
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < latencies.length; r++) {
                Harness.Longs mine = latencies[r] = new Harness.Longs();
                readers.add(Thread.ofPlatform().start(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    while (System.nanoTime() < deadline) {
                        long begin = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() == 200) {
                                mine.add(System.nanoTime() - begin);
                            } else {
                                failures.incrementAndGet();
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
            readers.forEach(SpeedHarness::join);
            double seconds = Harness.seconds(start);
            long[] all = Arrays.stream(latencies).flatMapToLong(l -> Arrays.stream(l.toArray())).sorted().toArray();
            assertThat(failures.get()).as("reads of %s other than 200", name).isZero();
            double p99 = Harness.percentile(all, 99) / 1e6;
            long limit = name.startsWith("financing history") ? 100 : 25;
            table.row("view " + name + ", 8 readers", "p50 %.1f ms, p99 %.1f ms (%.0f reads/s, %d kB)".formatted(
                            Harness.percentile(all, 50) / 1e6, p99, all.length / seconds, bytes / 1000), "-",
                    "p99 <= " + limit + " ms", p99 <= limit);
        });
    }

    /**
     * Views asOf a past instant as the service answers them: first with no checkpoint at all (once, for comparison),
     * then with the checkpoints built, at the worst instants, each the last event before a checkpoint's position, so
     * that the replay from the checkpoint before it is as long as the interval allows.
     */
    private void asOf(ChildService service, List<SyntheticStream.Mark> marks, String databaseUrl, Target.Server server)
            throws SQLException {
        SyntheticStream.Mark first = marks.getFirst();
        Timed none = asOf(service, first.at());
        assertThat(none.checkpoint()).as("the checkpoint a view asOf %s started from", first.at()).isEqualTo("none");
        table.row("asOf with no checkpoint at all, at %d events".formatted(first.events()),
                "%.2f s (inventory-by-mineral, the stream replayed from its start)".formatted(none.seconds()), "-",
                "(for comparison)", null);

        long start = System.nanoTime();
        HttpResponse<String> built = service.send(service.request("ADMIN", "/api/v1/admin/checkpoints",
                Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.noBody()).build());
        double buildSeconds = Harness.seconds(start);
        assertThat(built.statusCode()).as(built.body()).isEqualTo(200);
        JsonNode checkpoints = Harness.json(built.body());
        long interval = checkpoints.get("interval").asLong();
        table.note("checkpoints: %d built in %.1f s by POST /api/v1/admin/checkpoints, one per %d positions"
                .formatted(checkpoints.get("checkpoints").size(), buildSeconds, interval));
        for (SyntheticStream.Mark mark : marks) {
            long position = mark.events() / interval * interval - 1;
            Instant at = recordedAt(databaseUrl, server, position);
            Timed view = asOf(service, at);
            assertThat(view.checkpoint()).as("the checkpoint a view asOf %s started from", at).isNotEqualTo("none");
            table.row("asOf the last event before a checkpoint, at %d events".formatted(position + 1),
                    "%.2f s (inventory-by-mineral, from checkpoint %s)".formatted(view.seconds(), view.checkpoint()), "-",
                    "<= 2 s", view.seconds() <= 2);
        }
    }

    private record Timed(double seconds, String checkpoint) {
    }

    /** Reads inventory-by-mineral asOf an instant: how long it took, and the checkpoint its replay started from. */
    private static Timed asOf(ChildService service, Instant at) {
        long start = System.nanoTime();
        HttpResponse<String> view = service.send(service.request("AUDITOR", "/api/v1/views/inventory-by-mineral?asOf="
                + at, Duration.ofMinutes(30)).GET().build());
        double seconds = Harness.seconds(start);
        assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
        return new Timed(seconds, view.headers().firstValue("X-Replayed-From-Checkpoint").orElse("none"));
    }

    /** When the event at a position was recorded, as Axon stored it. */
    private static Instant recordedAt(String url, Target.Server server, long position) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, server.user(), server.password());
             var statement = connection.prepareStatement("select time_stamp from domain_event_entry where global_index = ?")) {
            statement.setLong(1, position);
            try (var rs = statement.executeQuery()) {
                assertThat(rs.next()).as("an event at position %d", position).isTrue();
                return Instant.parse(rs.getString(1));
            }
        }
    }

    private void audit(ChildService service, long events, double scan) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> verify = service.get("AUDITOR", "/api/v1/audit/verify");
        double verifySeconds = Harness.seconds(start);
        JsonNode verification = Harness.json(verify.body());
        assertThat(verification.get("ok").asBoolean()).as(verify.body()).isTrue();
        long verified = verification.get("verifiedEvents").asLong();
        table.row("audit verify", "%.0f ev/s (%d events in %.2f s)".formatted(verified / verifySeconds, verified,
                        verifySeconds), "%.1f %% of the raw scan".formatted(100 * verified / verifySeconds / scan),
                ">= 150 000 ev/s", verified / verifySeconds >= 150_000);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        start = System.nanoTime();
        HttpResponse<InputStream> export = http.send(service.request("AUDITOR", "/api/v1/audit/export",
                Duration.ofMinutes(30)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        long bytes = 0;
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
        double exportSeconds = Harness.seconds(start);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(lines).isGreaterThanOrEqualTo(events);
        table.row("audit export (NDJSON)", "%.0f ev/s (%d lines, %.0f MB in %.2f s)".formatted(lines / exportSeconds,
                        lines, bytes / 1e6, exportSeconds), "%.1f %% of the raw scan".formatted(100 * lines / exportSeconds / scan),
                ">= 150 000 ev/s", lines / exportSeconds >= 150_000);
    }

    private static long awaitNanos(Supplier<Boolean> condition, Duration patience) {
        return awaitNanos(condition, patience, 2);
    }

    /** Polls {@code condition} every {@code pauseMillis} until it holds; the time it first held. */
    private static long awaitNanos(Supplier<Boolean> condition, Duration patience, long pauseMillis) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return System.nanoTime();
            }
            Harness.pause(pauseMillis);
        }
        throw new AssertionError("not reached within " + patience);
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

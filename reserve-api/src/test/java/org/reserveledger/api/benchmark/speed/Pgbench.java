package org.reserveledger.api.benchmark.speed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The anchor of the command figures: PostgreSQL's own rate of durable, event-shaped appends on the same server,
 * one insert per transaction ({@code bench/pgbench-append.sql}), measured by pgbench in a database of its own
 * that is created here and dropped by {@link #close()}.
 */
final class Pgbench implements AutoCloseable {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final String DATABASE = "reserve_bench_anchor_" + ProcessHandle.current().pid();

    private final Path executable;
    private final Path script;
    private final Target.Server server;

    private Pgbench(Path executable, Path script, Target.Server server) {
        this.executable = executable;
        this.script = script;
        this.server = server;
    }

    /** The pgbench named by {@code bench.pgbench}, on the PATH or in PostgreSQL 15's directory, if any. */
    static Optional<Path> find() {
        List<Path> candidates = new ArrayList<>();
        String given = System.getProperty("bench.pgbench");
        if (given != null && !given.isBlank()) {
            candidates.add(Path.of(given));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "pgbench"));
            }
        }
        candidates.add(Path.of("/usr/lib/postgresql/15/bin/pgbench"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** Creates the anchor's database and table on {@code server}. */
    static Pgbench setUp(Path executable, Path benchDir, Target.Server server) {
        server.execute("postgres", "drop database if exists " + DATABASE + " with (force)");
        server.execute("postgres", "create database " + DATABASE);
        try {
            server.execute(DATABASE, Files.readString(benchDir.resolve("pgbench-append-setup.sql")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Pgbench(executable, benchDir.resolve("pgbench-append.sql"), server);
    }

    /** One run, as the anchor's README gives it. */
    Run run(int clients, int seconds) {
        List<String> command = List.of(executable.toString(), "-n", "-M", "prepared", "-f", script.toString(),
                "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds),
                "-h", server.host(), "-p", String.valueOf(server.port()), "-U", server.user(), DATABASE);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (server.password() != null && !server.password().isEmpty()) {
                builder.environment().put("PGPASSWORD", server.password());
            }
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            Matcher tps = TPS.matcher(output);
            Matcher latency = LATENCY.matcher(output);
            if (exit != 0 || !tps.find()) {
                throw new IllegalStateException("pgbench failed (" + exit + "): " + command + "\n" + output);
            }
            return new Run(clients, Double.parseDouble(tps.group(1)),
                    latency.find() ? Double.parseDouble(latency.group(1)) : Double.NaN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String describe() {
        return executable + " -n -M prepared -j 2 -f " + script.getFileName() + " on " + server.host() + ":" + server.port();
    }

    @Override
    public void close() {
        server.execute("postgres", "drop database if exists " + DATABASE + " with (force)");
    }

    record Run(int clients, double tps, double latencyMs) {
    }
}

package org.reserveledger.api.support;

import org.reserveledger.api.ReserveLedgerApplication;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The service as an operating-system process of its own, started from the test JVM's classpath with the
 * application's own configuration (no test profile), so it can be killed as a crash would kill it.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final Path log;

    private ServiceProcess(Process process, int port, Path dataDir, Path log) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
    }

    /**
     * Starts the service on a free port with its data (tokens, attestation key and, unless a datasource URL is
     * among the arguments, the embedded database) under {@code dataDir}, appending its output to {@code log},
     * and returns once its health is UP.
     */
    public static ServiceProcess start(Path dataDir, Path log, List<String> arguments) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                // The first compiler tier alone starts Spring sooner on few cores; these processes live for seconds.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
                "-cp", classpath(),
                ReserveLedgerApplication.class.getName(),
                "--server.port=" + port,
                "--reserve.data-dir=" + dataDir));
        command.addAll(arguments);
        try {
            Files.createDirectories(dataDir);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            ServiceProcess service = new ServiceProcess(process, port, dataDir, log);
            service.awaitHealthy();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the service with " + command, e);
        }
    }

    /**
     * The classpath the tests run with. Surefire may start the test JVM from a jar that only names the
     * classpath in its manifest and passes the real one in a property of its own.
     */
    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                pause(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service was not healthy within " + STARTUP + ":\n" + logTail());
    }

    /** A client of the service holding the token its tokens file gives {@code role}. */
    public Api as(String role) {
        Properties tokens = new Properties();
        try (InputStream in = Files.newInputStream(dataDir.resolve("tokens.properties"))) {
            tokens.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String token = tokens.getProperty(role.toLowerCase(Locale.ROOT) + ".token");
        if (token == null) {
            throw new IllegalStateException("no token for " + role + " in " + dataDir.resolve("tokens.properties"));
        }
        return new Api(port, token);
    }

    /** Kills the process with SIGKILL: no shutdown hook, no graceful shutdown, no flush of anything. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Stops the service as an operator would (SIGTERM), gracefully. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

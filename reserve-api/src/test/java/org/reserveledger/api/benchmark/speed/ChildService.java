package org.reserveledger.api.benchmark.speed;

import org.reserveledger.api.ReserveLedgerApplication;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * The service as it is deployed: the Spring Boot jar (or, when it has not been built, the same classes from the
 * test classpath) in a JVM of its own with the JVM's default settings and the application's own configuration,
 * on a port of the harness's choosing, with its data under a directory of its own.
 */
final class ChildService implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final Path log;
    private final String launchedFrom;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Properties tokens;

    private ChildService(Process process, int port, Path dataDir, Path log, String launchedFrom) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
        this.launchedFrom = launchedFrom;
    }

    static ChildService start(Path jar, Path dataDir, Path log, int port, List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        String launchedFrom;
        if (jar != null && Files.isRegularFile(jar)) {
            command.addAll(List.of("-jar", jar.toString()));
            launchedFrom = "java -jar " + jar.toAbsolutePath().normalize();
        } else {
            command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    ReserveLedgerApplication.class.getName()));
            launchedFrom = "the test classpath (no jar at " + jar + ")";
        }
        command.add("--server.port=" + port);
        command.add("--reserve.data-dir=" + dataDir);
        command.addAll(arguments);
        try {
            Files.createDirectories(dataDir);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            ChildService service = new ChildService(process, port, dataDir, log, launchedFrom);
            service.awaitHealthy();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the service with " + command, e);
        }
    }

    String launchedFrom() {
        return launchedFrom;
    }

    Path dataDir() {
        return dataDir;
    }

    int port() {
        return port;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Harness.pause(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service was not healthy within " + STARTUP + ":\n" + logTail());
    }

    /** The token the service's tokens file gives {@code role}. */
    synchronized String token(String role) {
        if (tokens == null) {
            tokens = new Properties();
            try (InputStream in = Files.newInputStream(dataDir.resolve("tokens.properties"))) {
                tokens.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String token = tokens.getProperty(role.toLowerCase(Locale.ROOT) + ".token");
        if (token == null) {
            throw new IllegalStateException("no token for " + role + " in " + dataDir.resolve("tokens.properties"));
        }
        return token;
    }

    HttpRequest.Builder request(String role, String path, Duration timeout) {
        return HttpRequest.newBuilder(uri(path)).timeout(timeout).header("Authorization", "Bearer " + token(role));
    }

    HttpResponse<String> get(String role, String path) {
        return send(request(role, path, Duration.ofMinutes(10)).GET().build());
    }

    HttpResponse<String> post(String role, String path, String json) {
        return send(request(role, path, Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    HttpResponse<String> put(String role, String path, String json) {
        return send(request(role, path, Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.reserveledger.api.views;

import org.reserveledger.api.support.Api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Readers of the running service for load tests: many requests open at once, each on a connection
 * of its own (HTTP/1.1, so none queue behind another on a shared connection), and a prober that
 * times {@code /actuator/health} over and over on its own client.
 */
final class ConcurrentReaders {

    private final int port;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    ConcurrentReaders(int port) {
        this.port = port;
    }

    /**
     * Opens this many connections and leaves them idle in the client's pool, so that requests sent at once
     * afterwards are not held back by the server's accept backlog (TCP retries after 1, 3, 7 s).
     */
    void connect(int connections) {
        CompletableFuture.allOf(getAll(null, java.util.Collections.nCopies(connections, "/actuator/health"))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** Sends every path at once as the role's token holder; each answer carries how long it took. */
    List<CompletableFuture<Timed>> getAll(String role, List<String> paths) {
        List<CompletableFuture<Timed>> answers = new ArrayList<>();
        for (String path : paths) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .GET();
            if (role != null) {
                request.header("Authorization", "Bearer " + Api.tokenOf(role));
            }
            long sent = System.nanoTime();
            answers.add(client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> new Timed(
                            new Api.Response(response.statusCode(), response.headers().map(), response.body()),
                            Duration.ofNanos(System.nanoTime() - sent), sent)));
        }
        return answers;
    }

    /** Asks for health every few milliseconds until stopped, on a thread and a client of its own. */
    HealthProbe probeHealth() {
        return new HealthProbe(port);
    }

    /** @param sent when the request was sent, in {@link System#nanoTime()} */
    record Timed(Api.Response response, Duration took, long sent) {
    }

    static final class HealthProbe implements AutoCloseable {

        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Timed> samples = new ArrayList<>();
        private final Thread thread;

        private HealthProbe(int port) {
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build();
            thread = Thread.ofPlatform().name("health-probe").start(() -> {
                while (running.get()) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
                        record(new Timed(new Api.Response(response.statusCode(), response.headers().map(), response.body()),
                                Duration.ofNanos(System.nanoTime() - sent), sent));
                        Thread.sleep(5);
                    } catch (IOException e) {
                        record(new Timed(new Api.Response(-1, java.util.Map.of(), e.toString()),
                                Duration.ofNanos(System.nanoTime() - sent), sent));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        private synchronized void record(Timed sample) {
            samples.add(sample);
        }

        /** Every sample taken so far. */
        synchronized List<Timed> samples() {
            return List.copyOf(samples);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(15_000);
        }
    }
}

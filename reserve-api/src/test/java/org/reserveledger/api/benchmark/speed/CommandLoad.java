package org.reserveledger.api.benchmark.speed;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Concurrent clients sending deposits and withdrawals over HTTP (each client its own keep-alive connection),
 * alternating, client {@code i} at site {@code i mod sites}, for a fixed time. Every 201 is kept with the
 * position it acknowledged and when, so that the projections' lag behind each acknowledgement can be measured.
 */
final class CommandLoad {

    private static final Pattern POSITION = Pattern.compile("\"position\":(\\d+)");

    private CommandLoad() {
    }

    /** What a run measured: latencies (ns, sorted), acknowledgements, and the answers other than 201. */
    record Result(int clients, double seconds, long[] latencies, long[] ackNanos, long[] ackPositions,
                  long failures, List<String> failureSamples, long endNanos) {

        double throughput() {
            return latencies.length / seconds;
        }

        double p50Ms() {
            return Harness.percentile(latencies, 50) / 1e6;
        }

        double p99Ms() {
            return Harness.percentile(latencies, 99) / 1e6;
        }

        long maxPosition() {
            return Arrays.stream(ackPositions).max().orElse(0);
        }
    }

    static Result run(ChildService service, List<String> sites, int clients, Duration duration) {
        String token = service.token("OPERATOR");
        AtomicLong failures = new AtomicLong();
        ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        Harness.Longs[] latencies = new Harness.Longs[clients];
        Harness.Longs[] ackNanos = new Harness.Longs[clients];
        Harness.Longs[] ackPositions = new Harness.Longs[clients];
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            int client = c;
            latencies[c] = new Harness.Longs();
            ackNanos[c] = new Harness.Longs();
            ackPositions[c] = new Harness.Longs();
            String site = sites.get(c % sites.size());
            HttpRequest deposit = HttpRequest.newBuilder(service.uri("/api/v1/sites/" + site + "/deposits"))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"mineral":"NICKEL","form":"cathode","quantityTonnes":2,"unitCostUsd":16000,\
                            "supplier":"Trader ID","originCountry":"ID","fundingSource":"EXIM_LOAN"}""")).build();
            HttpRequest withdrawal = HttpRequest.newBuilder(service.uri("/api/v1/sites/" + site + "/withdrawals"))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"mineral":"NICKEL","quantityTonnes":1,"reason":"ROTATION"}""")).build();
            threads.add(Thread.ofPlatform().name("load-" + c).start(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                for (int i = 0; System.nanoTime() < deadline; i++) {
                    long begin = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(i % 2 == 0 ? deposit : withdrawal,
                                HttpResponse.BodyHandlers.ofString());
                        long end = System.nanoTime();
                        if (response.statusCode() == 201) {
                            latencies[client].add(end - begin);
                            Matcher position = POSITION.matcher(response.body());
                            if (position.find()) {
                                ackNanos[client].add(end);
                                ackPositions[client].add(Long.parseLong(position.group(1)));
                            }
                        } else {
                            fail(failures, samples, response.statusCode() + " " + response.body());
                        }
                    } catch (IOException e) {
                        fail(failures, samples, e.toString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        long end = System.nanoTime();
        long[] all = concat(latencies);
        Arrays.sort(all);
        return new Result(clients, (end - start) / 1e9, all, concat(ackNanos), concat(ackPositions), failures.get(),
                List.copyOf(samples), end);
    }

    private static void fail(AtomicLong failures, ConcurrentLinkedQueue<String> samples, String what) {
        if (failures.incrementAndGet() <= 5) {
            samples.add(what);
        }
    }

    private static long[] concat(Harness.Longs[] parts) {
        int size = Arrays.stream(parts).mapToInt(Harness.Longs::size).sum();
        long[] all = new long[size];
        int at = 0;
        for (Harness.Longs part : parts) {
            for (int i = 0; i < part.size(); i++) {
                all[at++] = part.get(i);
            }
        }
        return all;
    }

    /**
     * Reads every projection's applied position from {@code GET /api/v1/admin/projections} every few
     * milliseconds, keeping, for each answer, when it arrived and the lowest position among the projections.
     */
    static final class ProjectionPoller implements AutoCloseable {

        private final Harness.Longs nanos = new Harness.Longs();
        private final Harness.Longs positions = new Harness.Longs();
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long lowest;
        private volatile long head;

        ProjectionPoller(ChildService service, long everyMillis) {
            HttpRequest request = service.request("ADMIN", "/api/v1/admin/projections", Duration.ofSeconds(30)).GET().build();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            thread = Thread.ofPlatform().name("projection-poller").start(() -> {
                while (running) {
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long at = System.nanoTime();
                        if (response.statusCode() == 200) {
                            long min = Long.MAX_VALUE;
                            long top = 0;
                            for (JsonNode projection : Harness.json(response.body())) {
                                min = Math.min(min, projection.get("position").asLong());
                                top = Math.max(top, projection.get("headPosition").asLong());
                            }
                            synchronized (this) {
                                nanos.add(at);
                                positions.add(min);
                            }
                            lowest = min;
                            head = top;
                        }
                        Thread.sleep(everyMillis);
                    } catch (IOException e) {
                        Harness.pause(everyMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        long lowest() {
            return lowest;
        }

        long head() {
            return head;
        }

        /**
         * For each acknowledgement, the time from the 201 until the first poll answered after it that shows every
         * projection at or past its position; acknowledgements never reached are left out (counted by the caller).
         */
        synchronized long[] lags(long[] ackNanos, long[] ackPositions) {
            long[] times = nanos.toArray();
            long[] seen = positions.toArray();
            Harness.Longs lags = new Harness.Longs();
            for (int i = 0; i < ackNanos.length; i++) {
                int from = Arrays.binarySearch(times, ackNanos[i]);
                for (int p = from < 0 ? -from - 1 : from; p < times.length; p++) {
                    if (seen[p] >= ackPositions[i]) {
                        lags.add(times[p] - ackNanos[i]);
                        break;
                    }
                }
            }
            long[] sorted = lags.toArray();
            Arrays.sort(sorted);
            return sorted;
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

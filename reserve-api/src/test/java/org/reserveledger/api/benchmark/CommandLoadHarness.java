package org.reserveledger.api.benchmark;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reserveledger.api.support.Api;
import org.reserveledger.api.support.ApiIntegrationTest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A load harness, not a test: it prints throughput and latency of deposits and withdrawals sent
 * over HTTP by concurrent clients, each on a site of its own, and asserts only that every command
 * succeeded. Excluded from the regular suite; run it with
 * {@code ./mvnw -pl reserve-api -am test -Dgroups=benchmark -DexcludedGroups= -Dtest=CommandLoadHarness -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class CommandLoadHarness extends ApiIntegrationTest {

    private static final int CLIENTS = Integer.getInteger("harness.clients", 8);
    private static final int COMMANDS_PER_CLIENT = Integer.getInteger("harness.commands", 250);

    @Test
    void depositsAndWithdrawalsUnderLoad() throws Exception {
        List<String> sites = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            sites.add(reserve.registerSite("NV", "1000000"));
        }
        run(sites, 20);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        run(sites, COMMANDS_PER_CLIENT, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%nReserve Ledger command load: %d clients × %d commands (deposit, withdraw alternating)%n",
                CLIENTS, COMMANDS_PER_CLIENT);
        System.out.printf("  throughput %.0f commands/s over %.2f s%n", sorted.size() / seconds, seconds);
        System.out.printf("  latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.getLast() / 1e6);
    }

    private void run(List<String> sites, int commands) throws Exception {
        run(sites, commands, Collections.synchronizedList(new ArrayList<>()));
    }

    private void run(List<String> sites, int commands, List<Long> latencies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sites.size());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String site : sites) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < commands; i++) {
                        long begin = System.nanoTime();
                        Api.Response response = i % 2 == 0
                                ? reserve.deposit(site, "NICKEL", "2", "16000", "ID")
                                : reserve.withdraw(site, "NICKEL", "1");
                        latencies.add(System.nanoTime() - begin);
                        if (response.status() != 201) {
                            throw new AssertionError(response.toString());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)) / 1e6;
    }
}

package org.reserveledger.api.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Releases calls at the same instant, each on a thread of its own, and returns their results in
 * the order the calls were given.
 */
public final class Concurrently {

    private Concurrently() {
    }

    /** The same call {@code count} times at once. */
    public static <T> List<T> all(int count, Callable<T> call) throws Exception {
        return race(Collections.nCopies(count, call));
    }

    /** Different calls at once. */
    @SafeVarargs
    public static <T> List<T> race(Callable<T>... calls) throws Exception {
        return race(List.of(calls));
    }

    /** Different calls at once. */
    public static <T> List<T> race(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

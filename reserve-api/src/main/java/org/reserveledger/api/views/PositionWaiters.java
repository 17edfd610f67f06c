package org.reserveledger.api.views;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.reserveledger.api.ReserveProperties;
import org.reserveledger.projections.tracking.ProjectionPositions;
import org.reserveledger.projections.tracking.StreamPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Holds the views waiting for their projections to apply a {@code minPosition}, without a request
 * thread each: one poller reads the projections' tokens for all of them at once, and a few reader
 * threads read the views whose position has arrived.
 */
@Component
class PositionWaiters implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PositionWaiters.class);

    private final ProjectionPositions positions;
    private final StreamPositions stream;
    private final Duration wait;
    private final int max;
    private final Queue<Waiter> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private final ScheduledExecutorService poller =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("view-waits").daemon().factory());
    private final ExecutorService readers;

    PositionWaiters(ProjectionPositions positions, StreamPositions stream, ReserveProperties reserve,
                    ViewWaitProperties properties, MeterRegistry meters) {
        this.positions = positions;
        this.stream = stream;
        this.wait = reserve.viewWait();
        this.max = properties.max();
        this.readers = Executors.newFixedThreadPool(properties.readers(),
                Thread.ofPlatform().name("view-reader-", 1).daemon().factory());
        long interval = properties.pollInterval().toNanos();
        poller.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.NANOSECONDS);
        Gauge.builder("reserve.views.waiting", count, AtomicInteger::get)
                .description("Requests waiting for a view to apply their minPosition")
                .register(meters);
    }

    /**
     * Reads the view on a reader thread once every one of the projections has applied the position, or fails
     * with {@link ProjectionBehind} when the wait runs out. A position beyond the stream's head, or one more
     * waiter than the bound, is refused at once, on the calling thread.
     */
    <T> CompletableFuture<T> readOnceApplied(List<String> projections, long position, Supplier<T> read) {
        // No event holds the position yet, so waiting cannot bring it; refused before it takes a waiter's place.
        long head = stream.head();
        if (position > head) {
            throw ProjectionBehind.beyondHead(position, head);
        }
        if (count.incrementAndGet() > max) {
            count.decrementAndGet();
            throw ProjectionBehind.tooManyWaiting(max);
        }
        Waiter waiter = new Waiter(projections, position, System.nanoTime() + wait.toNanos());
        waiting.add(waiter);
        return waiter.arrived.thenApplyAsync(ignored -> read.get(), readers);
    }

    /** How many requests wait now. */
    int waiting() {
        return count.get();
    }

    private void poll() {
        if (waiting.isEmpty()) {
            return;
        }
        try {
            Set<String> projections = waiting.stream().flatMap(w -> w.projections.stream()).collect(Collectors.toSet());
            Map<String, ProjectionPositions.Progress> progress = positions.progress(projections);
            long now = System.nanoTime();
            for (Iterator<Waiter> it = waiting.iterator(); it.hasNext(); ) {
                Waiter waiter = it.next();
                if (!progress.keySet().containsAll(waiter.projections)) {
                    continue;
                }
                Optional<String> behind = waiter.projections.stream()
                        .filter(projection -> !progress.get(projection).hasApplied(waiter.position))
                        .findFirst();
                if (behind.isEmpty()) {
                    leave(it, waiter).complete(null);
                } else if (now - waiter.deadline > 0) {
                    String projection = behind.get();
                    leave(it, waiter).completeExceptionally(
                            new ProjectionBehind(projection, waiter.position, progress.get(projection).position()));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not read the positions views wait for", e);
            long now = System.nanoTime();
            for (Iterator<Waiter> it = waiting.iterator(); it.hasNext(); ) {
                Waiter waiter = it.next();
                if (now - waiter.deadline > 0) {
                    leave(it, waiter).completeExceptionally(ProjectionBehind.unread(waiter.position));
                }
            }
        }
    }

    private CompletableFuture<Void> leave(Iterator<Waiter> it, Waiter waiter) {
        it.remove();
        count.decrementAndGet();
        return waiter.arrived;
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
        for (Iterator<Waiter> it = waiting.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            leave(it, waiter).completeExceptionally(ProjectionBehind.unread(waiter.position));
        }
        readers.shutdown();
    }

    private static final class Waiter {

        final List<String> projections;
        final long position;
        final long deadline;
        final CompletableFuture<Void> arrived = new CompletableFuture<>();

        Waiter(List<String> projections, long position, long deadline) {
            this.projections = projections;
            this.position = position;
            this.deadline = deadline;
        }
    }
}

package org.reserveledger.projections.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * The batches between the thread that reads rows and the caller that consumes them: the reader waits while
 * the caller is a few batches behind, and the caller while nothing is read yet. Every item emitted reaches
 * the caller, in order, before the end.
 */
final class Handover<T> {

    private static final List<Object> END = List.of();

    private final int batch;
    private final BlockingQueue<List<?>> batches;
    private List<T> filling;
    private volatile boolean cancelled;
    private volatile Throwable failure;

    /** Batches of {@code batch} items, at most {@code ahead} of them waiting for the caller. */
    Handover(int batch, int ahead) {
        this.batch = batch;
        this.batches = new ArrayBlockingQueue<>(ahead);
        this.filling = new ArrayList<>(batch);
    }

    /** On the reading thread. */
    void emit(T item) {
        filling.add(item);
        if (filling.size() == batch) {
            put(filling);
            filling = new ArrayList<>(batch);
        }
    }

    /** On the reading thread, last. */
    void finish(Throwable failed) {
        failure = failed;
        try {
            if (failed == null && !filling.isEmpty()) {
                put(filling);
            }
            if (!cancelled) {
                batches.put(END);
                return;
            }
        } catch (InterruptedException | RuntimeException e) {
            failure = failure == null ? e : failure;
        }
        // The caller stopped taking: it only waits for the end, so make room for it rather than wait.
        while (!batches.offer(END)) {
            batches.clear();
        }
    }

    private void put(List<T> full) {
        if (cancelled) {
            throw new IllegalStateException("the reader of the stream stopped");
        }
        try {
            batches.put(full);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the stream", e);
        }
    }

    /** On the calling thread, until the reading thread is done. */
    @SuppressWarnings("unchecked")
    void drainTo(Consumer<T> sink) {
        try {
            for (List<?> taken = batches.take(); taken != END; taken = batches.take()) {
                for (Object item : taken) {
                    sink.accept((T) item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the stream", e);
        }
    }

    /** On the calling thread: the reading thread stops at its next batch, and is never kept waiting. */
    void cancel() {
        cancelled = true;
        batches.clear();
    }

    void rethrow() {
        Throwable failed = failure;
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
    }
}

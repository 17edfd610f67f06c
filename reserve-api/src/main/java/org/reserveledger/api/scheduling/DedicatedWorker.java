package org.reserveledger.api.scheduling;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A task on a thread of its own, so that no other scheduled work can delay it: it runs on a fixed
 * delay and, when woken, at once. Wakes that arrive while a run is queued share that run; a wake
 * during a run queues one more, so whatever prompted a wake is seen by a run that starts after it.
 * <p>
 * It starts with the context and stops after the web server has stopped taking requests, waiting for
 * a run in progress, and so long before the DataSource closes.
 */
public final class DedicatedWorker implements SmartLifecycle {

    /** Stopped after the web server's graceful shutdown, so work the last requests caused is still done. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final int AWAIT_RUN_SECONDS = 30;

    private final String name;
    private final Runnable task;
    private final Duration initialDelay;
    private final Duration period;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile ThreadPoolTaskScheduler scheduler;

    private DedicatedWorker(String name, Runnable task, Duration initialDelay, Duration period) {
        this.name = name;
        this.task = task;
        this.initialDelay = initialDelay;
        this.period = period;
    }

    /** Runs {@code task} after {@code initialDelay}, then {@code period} after each run ends, and when woken. */
    public static DedicatedWorker every(String name, Duration initialDelay, Duration period, Runnable task) {
        return new DedicatedWorker(name, task, initialDelay, period);
    }

    /** Runs {@code task} only when woken. */
    public static DedicatedWorker whenWoken(String name, Runnable task) {
        return new DedicatedWorker(name, task, Duration.ZERO, Duration.ZERO);
    }

    /** Asks for a run as soon as the thread is free; does nothing once stopped. */
    public void wake() {
        ThreadPoolTaskScheduler running = scheduler;
        if (running != null && queued.compareAndSet(false, true)) {
            running.execute(() -> {
                queued.set(false);
                task.run();
            });
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        ThreadPoolTaskScheduler started = new ThreadPoolTaskScheduler();
        started.setPoolSize(1);
        started.setThreadNamePrefix(name + "-");
        started.setWaitForTasksToCompleteOnShutdown(true);
        started.setAwaitTerminationSeconds(AWAIT_RUN_SECONDS);
        started.initialize();
        if (period.isPositive()) {
            started.scheduleWithFixedDelay(task, Instant.now().plus(initialDelay), period);
        }
        scheduler = started;
    }

    @Override
    public synchronized void stop() {
        ThreadPoolTaskScheduler stopping = scheduler;
        scheduler = null;
        if (stopping != null) {
            // The periodic run is cancelled; the run in progress, and a woken one queued, finish first.
            stopping.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}

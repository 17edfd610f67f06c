package org.reserveledger.api.live;

import org.reserveledger.projections.tracking.StreamPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushes the stream's head position to every open page as Server-Sent Events. While any page
 * listens, one thread reads the head every {@value #POLL_MILLIS} ms (one indexed query) and sends
 * it when it grows; a page then asks its views for that position with {@code minPosition}, so what
 * it shows already includes the change. Idle connections get a comment every 15 s to stay open.
 * Only positions are sent, the numbers every view's {@code X-Projection-Position} header gives, never an
 * event's content: a manufacturer's page learns nothing of another manufacturer here, and re-reads
 * views that the security rules and controllers already narrow to its own.
 */
@Component
public class LiveUpdates implements SmartLifecycle {

    static final long POLL_MILLIS = 250;

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Duration CONNECTION = Duration.ofHours(1);

    private final StreamPositions stream;
    private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();
    private final Map<SseEmitter, Long> sent = new ConcurrentHashMap<>();
    private volatile Thread poller;

    public LiveUpdates(StreamPositions stream) {
        this.stream = stream;
    }

    /** A new listener; it is told the current head at once. */
    public SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(CONNECTION.toMillis());
        emitter.onCompletion(() -> remove(emitter));
        emitter.onTimeout(() -> remove(emitter));
        emitter.onError(e -> remove(emitter));
        emitters.add(emitter);
        send(emitter, stream.head());
        return emitter;
    }

    public int listeners() {
        return emitters.size();
    }

    private void remove(SseEmitter emitter) {
        emitters.remove(emitter);
        sent.remove(emitter);
    }

    private void send(SseEmitter emitter, long position) {
        try {
            emitter.send(SseEmitter.event().name("position").data("{\"position\":" + position + "}"));
            sent.put(emitter, position);
        } catch (IOException | IllegalStateException e) {
            remove(emitter);
        }
    }

    private void poll() {
        long lastBeat = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(POLL_MILLIS);
                if (emitters.isEmpty()) {
                    continue;
                }
                long now = stream.head();
                for (SseEmitter emitter : emitters) {
                    if (sent.getOrDefault(emitter, -1L) < now) {
                        send(emitter, now);
                    }
                }
                if (System.nanoTime() - lastBeat > HEARTBEAT.toNanos()) {
                    lastBeat = System.nanoTime();
                    for (SseEmitter emitter : emitters) {
                        try {
                            emitter.send(SseEmitter.event().comment("heartbeat"));
                        } catch (IOException | IllegalStateException e) {
                            remove(emitter);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.debug("Reading the stream's head for live pages failed; retrying: {}", e.getMessage());
            }
        }
    }

    @Override
    public void start() {
        poller = Thread.ofPlatform().name("live-updates").daemon().start(this::poll);
    }

    @Override
    public void stop() {
        Thread thread = poller;
        poller = null;
        if (thread != null) {
            thread.interrupt();
        }
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
        sent.clear();
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}

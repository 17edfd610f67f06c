package org.reserveledger.api.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.reserveledger.api.axon.ParkedEvents;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Up while every projection's processor runs without error and holds no event parked; each
 * processor's state, the segments this node holds and the first parked event are shown to admins.
 * A processor that stopped is down; one that parked an event still follows the stream, but its
 * view lacks that event and the events parked behind it, so it is out of service until they are
 * retried or evicted.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ParkedEvents parked;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing, ParkedEvents parked) {
        this.processing = processing;
        this.parked = parked;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean running = true;
        boolean parking = false;
        Map<String, Object> details = new LinkedHashMap<>();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("running", processor.isRunning());
            state.put("error", processor.isError());
            if (processor instanceof StreamingEventProcessor streaming) {
                state.put("segmentsClaimed", streaming.processingStatus().size());
                streaming.processingStatus().values().stream()
                        .map(status -> status.getCurrentPosition().orElse(-1))
                        .min(Long::compare)
                        .ifPresent(position -> state.put("position", position));
                state.put("replaying", streaming.isReplaying());
            }
            long count = parked.count(processor.getName());
            if (count > 0) {
                state.put("parked", count);
                parked.first(processor.getName()).ifPresent(first -> state.put("firstParked", Map.of(
                        "sequence", first.sequence(),
                        "position", first.position(),
                        "eventType", first.eventType(),
                        "error", String.valueOf(first.error()))));
                parking = true;
            }
            running &= processor.isRunning() && !processor.isError();
            details.put(processor.getName(), state);
        }
        builder.status(!running ? Status.DOWN : parking ? Status.OUT_OF_SERVICE : Status.UP).withDetails(details);
    }
}

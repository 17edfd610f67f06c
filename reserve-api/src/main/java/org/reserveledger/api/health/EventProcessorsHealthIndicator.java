package org.reserveledger.api.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Up while every projection's processor runs without error; each processor's state and the
 * segments this node holds are shown to admins.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
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
            healthy &= processor.isRunning() && !processor.isError();
            details.put(processor.getName(), state);
        }
        (healthy ? builder.up() : builder.down()).withDetails(details);
    }
}

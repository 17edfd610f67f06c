package org.reserveledger.api.admin;

import org.reserveledger.api.scheduling.DedicatedWorker;
import org.reserveledger.projections.replay.ProjectionCheckpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Checkpoints the projections every {@code reserve.projections.checkpoints.period} once the stream
 * has grown by an interval, so that views asOf a past instant replay at most an interval of events.
 * A build can take tens of seconds, so it runs on a thread of its own, where it delays nothing else.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "reserve.projections.checkpoints.schedule", havingValue = "true", matchIfMissing = true)
class CheckpointSchedule {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    @Bean
    DedicatedWorker projectionCheckpointWorker(
            ProjectionCheckpoints checkpoints,
            @Value("${reserve.projections.checkpoints.initial-delay:PT30S}") Duration initialDelay,
            @Value("${reserve.projections.checkpoints.period:PT1M}") Duration period) {
        return DedicatedWorker.every("projection-checkpoints", initialDelay, period, () -> {
            try {
                checkpoints.catchUp();
            } catch (RuntimeException e) {
                log.warn("Checkpointing the projections failed; trying again later: {}", e.getMessage());
            }
        });
    }
}

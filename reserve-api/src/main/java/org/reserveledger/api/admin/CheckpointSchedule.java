package org.reserveledger.api.admin;

import org.reserveledger.projections.replay.ProjectionCheckpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Checkpoints the projections every {@code reserve.projections.checkpoints.period} once the stream
 * has grown by an interval, so that views asOf a past instant replay at most an interval of events.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "reserve.projections.checkpoints.schedule", havingValue = "true", matchIfMissing = true)
class CheckpointSchedule {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final ProjectionCheckpoints checkpoints;

    CheckpointSchedule(ProjectionCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Scheduled(initialDelayString = "${reserve.projections.checkpoints.initial-delay:PT30S}",
            fixedDelayString = "${reserve.projections.checkpoints.period:PT1M}")
    void checkpoint() {
        try {
            checkpoints.catchUp();
        } catch (RuntimeException e) {
            log.warn("Checkpointing the projections failed; trying again later: {}", e.getMessage());
        }
    }
}

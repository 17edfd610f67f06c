package org.reserveledger.api.axon;

import org.reserveledger.projections.replay.ProjectionCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Tries parked events again on their own, each sequence after a back-off that doubles with every
 * failed attempt: a cause fixed meanwhile (a deployment, a repaired row) clears them without an admin.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "reserve.projections.dead-letters.schedule", havingValue = "true", matchIfMissing = true)
class DeadLetterRetrySchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetrySchedule.class);

    private final ParkedEvents parked;
    private final DeadLetterProperties properties;
    private final ProjectionCatalog catalog;

    DeadLetterRetrySchedule(ParkedEvents parked, DeadLetterProperties properties, ProjectionCatalog catalog) {
        this.parked = parked;
        this.properties = properties;
        this.catalog = catalog;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::retryDue, properties.retryEvery());
    }

    private void retryDue() {
        for (String projection : catalog.names()) {
            try {
                parked.retryDue(projection);
            } catch (RuntimeException e) {
                log.warn("Retrying the parked events of projection {} failed; trying again later: {}", projection,
                        e.getMessage());
            }
        }
    }
}

package org.reserveledger.api.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the projections' dead-letter queues, under {@code reserve.projections.dead-letters.*}.
 *
 * @param maxSequences    sequences a projection may hold parked; one more stops it (loudly) until letters are
 *                        retried or evicted
 * @param maxSequenceSize events one sequence may hold parked; a projection that parks in one sequence for all its
 *                        events reaches this after so many events behind a parked one
 * @param claimDuration   how long one node holds a parked sequence it is retrying before another may take it
 * @param retryEvery      how often parked sequences whose back-off has passed are tried again
 * @param firstBackOff    how long after its last attempt a parked sequence is first tried again; it doubles
 *                        with every failed attempt
 * @param maxBackOff      the longest wait between two attempts at a parked sequence
 */
@ConfigurationProperties("reserve.projections.dead-letters")
public record DeadLetterProperties(@DefaultValue("1024") int maxSequences,
                                   @DefaultValue("100000") int maxSequenceSize,
                                   @DefaultValue("30s") Duration claimDuration,
                                   @DefaultValue("30s") Duration retryEvery,
                                   @DefaultValue("1m") Duration firstBackOff,
                                   @DefaultValue("1h") Duration maxBackOff) {

    /** How long to wait after a sequence's last attempt when it has failed this many retries. */
    public Duration backOffAfter(long retries) {
        Duration wait = firstBackOff;
        for (long i = 0; i < retries && wait.compareTo(maxBackOff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackOff) > 0 ? maxBackOff : wait;
    }
}

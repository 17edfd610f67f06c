package org.reserveledger.projections.audit;

import java.time.Duration;

/**
 * How far the chain is behind the committed stream.
 *
 * @param events attested events committed but not yet linked
 * @param oldest how long ago the first of them in the stream was recorded; zero when none waits
 */
public record ChainLag(long events, Duration oldest) {
}

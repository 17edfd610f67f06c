package org.reserveledger.api.views;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How views wait for {@code minPosition} without holding a request thread, under {@code reserve.view-waiters.*};
 * how long they wait is {@code reserve.view-wait}.
 *
 * @param max          requests that may wait for a position at once; beyond it a view answers 503 at once
 * @param pollInterval how often one poller reads the projections' positions for every waiting request
 * @param readers      threads that read a view once its position has been applied, each holding a connection
 */
@ConfigurationProperties("reserve.view-waiters")
public record ViewWaitProperties(@DefaultValue("2000") int max,
                                 @DefaultValue("10ms") Duration pollInterval,
                                 @DefaultValue("4") int readers) {
}

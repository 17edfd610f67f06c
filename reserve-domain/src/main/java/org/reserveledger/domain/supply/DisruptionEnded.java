package org.reserveledger.domain.supply;

import org.reserveledger.domain.shared.DisruptionId;
import org.reserveledger.domain.shared.Mineral;

import java.time.LocalDate;

/**
 * The end of a disruption: emergency draws are due for replenishment from {@code endedOn} on.
 */
public record DisruptionEnded(Mineral mineral, DisruptionId disruptionId, LocalDate endedOn) implements SupplyEvent {
}

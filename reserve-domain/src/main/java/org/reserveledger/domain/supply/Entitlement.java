package org.reserveledger.domain.supply;

import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.Tonnes;

/**
 * How much a commitment may have outstanding in draws while a disruption lasts.
 */
public record Entitlement(CommitmentId commitmentId, Tonnes tonnes) {
}

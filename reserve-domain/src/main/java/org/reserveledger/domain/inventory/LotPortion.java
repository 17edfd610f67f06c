package org.reserveledger.domain.inventory;

import org.reserveledger.domain.shared.LotId;
import org.reserveledger.domain.shared.Tonnes;

/**
 * How much of one lot an operation took.
 */
public record LotPortion(LotId lotId, Tonnes quantity) {
}

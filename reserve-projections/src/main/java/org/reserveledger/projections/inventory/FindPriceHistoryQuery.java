package org.reserveledger.projections.inventory;

import org.reserveledger.domain.shared.Mineral;

/** Every reference price of one mineral, by effective date, oldest first; a corrected date shows its correction. */
public record FindPriceHistoryQuery(Mineral mineral) {
}

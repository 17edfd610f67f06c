package org.reserveledger.domain.inventory;

import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.WithdrawalId;

import java.util.List;

/**
 * Material that left the reserve; {@code lots} says how much came out of each lot.
 */
public record StockWithdrawn(SiteId siteId, WithdrawalId withdrawalId, Mineral mineral, Tonnes quantity,
                             WithdrawalReason reason, String reference, List<LotPortion> lots) implements SiteEvent {

    public StockWithdrawn {
        lots = List.copyOf(lots);
    }
}

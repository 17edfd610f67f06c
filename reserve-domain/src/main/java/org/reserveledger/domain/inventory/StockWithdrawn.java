package org.reserveledger.domain.inventory;

import org.axonframework.serialization.Revision;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.WithdrawalId;

import java.time.Instant;
import java.util.List;

/**
 * Material that left the reserve; {@code lots} says how much came out of each lot.
 * <p>
 * Revision 2 added {@code withdrawnAt}, the withdrawal's business instant; events of the first shape are
 * read with the time they were recorded.
 */
@Revision("2")
public record StockWithdrawn(SiteId siteId, WithdrawalId withdrawalId, Mineral mineral, Tonnes quantity,
                             WithdrawalReason reason, String reference, List<LotPortion> lots, Instant withdrawnAt)
        implements SiteEvent {

    public StockWithdrawn {
        lots = List.copyOf(lots);
    }
}

package org.reserveledger.domain.inventory;

import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.WithdrawalId;

import java.time.Instant;
import java.util.List;

/**
 * A withdrawal taken back out of the books as if it had never happened: the same parts of the same lots,
 * with their origin, supplier and cost, are on hand again from the withdrawal's own business instant.
 * The withdrawal's event stays in the stream.
 *
 * @param reason why the withdrawal was wrong, as the operator gave it
 */
public record WithdrawalReversed(SiteId siteId, WithdrawalId withdrawalId, Mineral mineral, Tonnes quantity,
                                 List<Lot> lots, Instant withdrawnAt, String reason) implements SiteEvent {

    public WithdrawalReversed {
        lots = List.copyOf(lots);
    }
}

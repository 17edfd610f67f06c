package org.reserveledger.domain.inventory;

import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;

import java.util.List;

/**
 * Material delivered to a manufacturer that bought back its commitment at the end of the term.
 */
public record StockDelivered(SiteId siteId, CommitmentId commitmentId, Mineral mineral, Tonnes quantity,
                             List<LotPortion> lots) implements SiteEvent {

    public StockDelivered {
        lots = List.copyOf(lots);
    }
}

package org.reserveledger.domain.inventory;

import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.DrawId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;

import java.util.List;

/**
 * Material a manufacturer drew against its commitment, oldest lots first.
 */
public record StockDrawn(SiteId siteId, CommitmentId commitmentId, DrawId drawId, Mineral mineral, Tonnes quantity,
                         List<LotPortion> lots) implements SiteEvent {

    public StockDrawn {
        lots = List.copyOf(lots);
    }
}

package org.reserveledger.domain.inventory;

import org.axonframework.serialization.Revision;
import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.DrawId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;

import java.time.Instant;
import java.util.List;

/**
 * Material a manufacturer drew against its commitment, oldest lots first.
 * <p>
 * Revision 2 added {@code drawnAt}, the draw's business instant (the end of its {@code drawnOn} day);
 * events of the first shape are read with the time they were recorded.
 */
@Revision("2")
public record StockDrawn(SiteId siteId, CommitmentId commitmentId, DrawId drawId, Mineral mineral, Tonnes quantity,
                         List<LotPortion> lots, Instant drawnAt) implements SiteEvent {

    public StockDrawn {
        lots = List.copyOf(lots);
    }
}

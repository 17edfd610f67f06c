package org.reserveledger.domain.inventory;

import org.axonframework.serialization.Revision;
import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;

import java.time.Instant;
import java.util.List;

/**
 * Material delivered to a manufacturer that bought back its commitment at the end of the term.
 * <p>
 * Revision 2 added {@code deliveredAt}, the delivery's business instant (the end of its settlement day);
 * events of the first shape are read with the time they were recorded.
 */
@Revision("2")
public record StockDelivered(SiteId siteId, CommitmentId commitmentId, Mineral mineral, Tonnes quantity,
                             List<LotPortion> lots, Instant deliveredAt) implements SiteEvent {

    public StockDelivered {
        lots = List.copyOf(lots);
    }
}

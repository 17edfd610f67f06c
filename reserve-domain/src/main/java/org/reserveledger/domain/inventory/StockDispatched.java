package org.reserveledger.domain.inventory;

import org.axonframework.serialization.Revision;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.TransferId;

import java.time.Instant;
import java.util.List;

/**
 * Material that left a site for another site; it is in transit until the destination records
 * its receipt. {@code lots} holds each lot's moved part with the lot's origin, supplier and cost.
 * <p>
 * Revision 2 added {@code dispatchedAt}, the dispatch's business instant; events of the first shape are
 * read with the time they were recorded.
 */
@Revision("2")
public record StockDispatched(SiteId siteId, TransferId transferId, SiteId toSiteId, Mineral mineral,
                              Tonnes quantity, List<Lot> lots, Instant dispatchedAt) implements SiteEvent {

    public StockDispatched {
        lots = List.copyOf(lots);
    }
}

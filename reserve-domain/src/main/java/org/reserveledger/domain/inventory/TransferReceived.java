package org.reserveledger.domain.inventory;

import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.TransferId;

import java.util.List;

/**
 * Material in transit that arrived at its destination: the same lots, now on hand there.
 */
public record TransferReceived(SiteId siteId, TransferId transferId, SiteId fromSiteId, Mineral mineral,
                               Tonnes quantity, List<Lot> lots) implements SiteEvent {

    public TransferReceived {
        lots = List.copyOf(lots);
    }
}

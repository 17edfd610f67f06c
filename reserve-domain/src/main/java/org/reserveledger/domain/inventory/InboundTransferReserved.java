package org.reserveledger.domain.inventory;

import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.TransferId;

import java.util.List;

/**
 * Room held at the destination for material in transit to it, recorded in the same transaction
 * as the dispatch so that a transfer can always be received.
 */
public record InboundTransferReserved(SiteId siteId, TransferId transferId, SiteId fromSiteId, Mineral mineral,
                                      Tonnes quantity, List<Lot> lots) implements SiteEvent {

    public InboundTransferReserved {
        lots = List.copyOf(lots);
    }
}

package org.reserveledger.domain.inventory;

import org.axonframework.serialization.Revision;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.TransferId;

import java.time.Instant;
import java.util.List;

/**
 * Room held at the destination for material in transit to it, recorded in the same transaction
 * as the dispatch so that a transfer can always be received.
 * <p>
 * Revision 2 added {@code dispatchedAt}, from when the material is in transit to this site; events of the
 * first shape are read with the time they were recorded.
 */
@Revision("2")
public record InboundTransferReserved(SiteId siteId, TransferId transferId, SiteId fromSiteId, Mineral mineral,
                                      Tonnes quantity, List<Lot> lots, Instant dispatchedAt) implements SiteEvent {

    public InboundTransferReserved {
        lots = List.copyOf(lots);
    }
}

package org.reserveledger.domain.inventory;

import org.axonframework.serialization.Revision;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.TransferId;

import java.time.Instant;
import java.util.List;

/**
 * Material in transit that arrived at its destination: the same lots, now on hand there.
 * <p>
 * Revision 2 added {@code receivedAt}, the arrival's business instant; events of the first shape are read
 * with the time they were recorded.
 */
@Revision("2")
public record TransferReceived(SiteId siteId, TransferId transferId, SiteId fromSiteId, Mineral mineral,
                               Tonnes quantity, List<Lot> lots, Instant receivedAt) implements SiteEvent {

    public TransferReceived {
        lots = List.copyOf(lots);
    }
}

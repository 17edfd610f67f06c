package org.reserveledger.domain.inventory;

import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.TransferId;

/**
 * Sends material from one site to another: the source gives up its oldest lots and the
 * destination reserves room, both or neither. Answers the {@link LotPortion}s dispatched.
 */
public record DispatchTransferCommand(TransferId transferId, SiteId fromSiteId, SiteId toSiteId, Mineral mineral,
                                      Tonnes quantity) {
}

package org.reserveledger.domain.inventory;

import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.TransferId;

import java.util.Optional;

/**
 * The command side's lookup of where each dispatched transfer is going, written in the same
 * transaction as the dispatch, so that a receipt naming only the transfer finds its destination.
 */
public interface TransferRoutes {

    void record(TransferId transferId, SiteId fromSiteId, SiteId toSiteId);

    Optional<SiteId> destinationOf(TransferId transferId);
}

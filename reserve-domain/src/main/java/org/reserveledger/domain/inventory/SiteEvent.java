package org.reserveledger.domain.inventory;

import org.reserveledger.domain.shared.SiteId;

/**
 * Everything that happens to a storage site and the material it holds.
 */
public sealed interface SiteEvent
        permits SiteRegistered, LotDeposited, StockWithdrawn, StockDispatched, InboundTransferReserved,
        TransferReceived, StockDrawn, StockDelivered, DepositReversed, WithdrawalReversed {

    SiteId siteId();
}

package org.reserveledger.domain.inventory;

import org.reserveledger.domain.shared.DepositId;
import org.reserveledger.domain.shared.SiteId;

public record LotDeposited(SiteId siteId, DepositId depositId, Lot lot) implements SiteEvent {
}

package org.reserveledger.domain.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reserveledger.domain.shared.DepositId;
import org.reserveledger.domain.shared.SiteId;

public record DepositLotCommand(@TargetAggregateIdentifier SiteId siteId, DepositId depositId, Lot lot) {
}

package org.reserveledger.domain.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reserveledger.domain.shared.DepositId;
import org.reserveledger.domain.shared.SiteId;

/** Takes a wrong deposit back out of the books, on its own date. */
public record ReverseDepositCommand(@TargetAggregateIdentifier SiteId siteId, DepositId depositId, String reason) {
}

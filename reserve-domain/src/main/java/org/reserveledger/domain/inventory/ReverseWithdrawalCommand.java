package org.reserveledger.domain.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.WithdrawalId;

/** Returns a wrong withdrawal's lots to the books, on the withdrawal's own date. */
public record ReverseWithdrawalCommand(@TargetAggregateIdentifier SiteId siteId, WithdrawalId withdrawalId,
                                       String reason) {
}

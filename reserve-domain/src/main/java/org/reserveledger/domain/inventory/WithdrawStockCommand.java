package org.reserveledger.domain.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.WithdrawalId;

/**
 * Takes material out of a site, oldest lots first. Answers the {@link LotPortion}s taken.
 */
public record WithdrawStockCommand(@TargetAggregateIdentifier SiteId siteId, WithdrawalId withdrawalId,
                                   Mineral mineral, Tonnes quantity, WithdrawalReason reason, String reference) {
}

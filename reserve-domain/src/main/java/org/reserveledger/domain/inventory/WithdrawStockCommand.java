package org.reserveledger.domain.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.WithdrawalId;

import java.util.List;

/**
 * Takes material out of a site: from the named lots when {@code namedLots} is not empty,
 * otherwise oldest lots first. Answers the {@link LotPortion}s taken.
 */
public record WithdrawStockCommand(@TargetAggregateIdentifier SiteId siteId, WithdrawalId withdrawalId,
                                   Mineral mineral, Tonnes quantity, WithdrawalReason reason, String reference,
                                   List<LotPortion> namedLots) {

    public WithdrawStockCommand {
        namedLots = namedLots == null ? List.of() : List.copyOf(namedLots);
    }

    /** A withdrawal that takes the oldest lots first. */
    public WithdrawStockCommand(SiteId siteId, WithdrawalId withdrawalId, Mineral mineral, Tonnes quantity,
                                WithdrawalReason reason, String reference) {
        this(siteId, withdrawalId, mineral, quantity, reason, reference, List.of());
    }
}

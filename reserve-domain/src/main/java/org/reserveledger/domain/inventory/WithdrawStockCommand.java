package org.reserveledger.domain.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reserveledger.domain.shared.BusinessDated;
import org.reserveledger.domain.shared.BusinessDay;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.SiteId;
import org.reserveledger.domain.shared.Tonnes;
import org.reserveledger.domain.shared.WithdrawalId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Takes material out of a site at its business instant {@code withdrawnAt}: from the named lots when
 * {@code namedLots} is not empty, otherwise oldest lots first. Answers the {@link LotPortion}s taken.
 */
public record WithdrawStockCommand(@TargetAggregateIdentifier SiteId siteId, WithdrawalId withdrawalId,
                                   Mineral mineral, Tonnes quantity, WithdrawalReason reason, String reference,
                                   List<LotPortion> namedLots, Instant withdrawnAt) implements BusinessDated {

    public WithdrawStockCommand {
        namedLots = namedLots == null ? List.of() : List.copyOf(namedLots);
        Objects.requireNonNull(withdrawnAt, "withdrawnAt");
    }

    /** A withdrawal that takes the oldest lots first. */
    public WithdrawStockCommand(SiteId siteId, WithdrawalId withdrawalId, Mineral mineral, Tonnes quantity,
                                WithdrawalReason reason, String reference, Instant withdrawnAt) {
        this(siteId, withdrawalId, mineral, quantity, reason, reference, List.of(), withdrawnAt);
    }

    @Override
    public LocalDate businessDate() {
        return BusinessDay.of(withdrawnAt);
    }

    @Override
    public String businessDateField() {
        return "withdrawnAt";
    }
}

package org.reserveledger.domain.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reserveledger.domain.shared.BusinessDated;
import org.reserveledger.domain.shared.BusinessDay;
import org.reserveledger.domain.shared.DepositId;
import org.reserveledger.domain.shared.SiteId;

import java.time.LocalDate;

/** Records the receipt of a lot at a site; the lot's {@code receivedAt} is the deposit's business instant. */
public record DepositLotCommand(@TargetAggregateIdentifier SiteId siteId, DepositId depositId, Lot lot)
        implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return BusinessDay.of(lot.receivedAt());
    }

    @Override
    public String businessDateField() {
        return "receivedAt";
    }
}

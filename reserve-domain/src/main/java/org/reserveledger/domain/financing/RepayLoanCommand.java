package org.reserveledger.domain.financing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reserveledger.domain.shared.BusinessDated;
import org.reserveledger.domain.shared.FacilityId;
import org.reserveledger.domain.shared.RepaymentId;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;

/**
 * Repays a facility, interest first. Answers the {@link LoanRepaid} event's split.
 */
public record RepayLoanCommand(FacilityId facilityId, RepaymentId repaymentId, Usd amount, LocalDate valueDate)
        implements BusinessDated {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Facility.idOf(facilityId);
    }

    @Override
    public LocalDate businessDate() {
        return valueDate;
    }

    @Override
    public String businessDateField() {
        return "valueDate";
    }
}

package org.reserveledger.domain.financing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reserveledger.domain.shared.FacilityId;
import org.reserveledger.domain.shared.RepaymentId;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;

/**
 * Repays a facility, interest first. Answers the {@link LoanRepaid} event's split.
 */
public record RepayLoanCommand(FacilityId facilityId, RepaymentId repaymentId, Usd amount, LocalDate valueDate) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Facility.idOf(facilityId);
    }
}

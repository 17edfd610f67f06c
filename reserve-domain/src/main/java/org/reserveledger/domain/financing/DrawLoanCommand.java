package org.reserveledger.domain.financing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reserveledger.domain.shared.BusinessDated;
import org.reserveledger.domain.shared.DrawdownId;
import org.reserveledger.domain.shared.FacilityId;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;

public record DrawLoanCommand(FacilityId facilityId, DrawdownId drawdownId, Usd amount, LocalDate valueDate,
                              String purpose) implements BusinessDated {

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

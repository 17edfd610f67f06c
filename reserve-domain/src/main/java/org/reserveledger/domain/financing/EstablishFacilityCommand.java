package org.reserveledger.domain.financing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reserveledger.domain.shared.FacilityId;
import org.reserveledger.domain.shared.Usd;

import java.math.BigDecimal;
import java.time.LocalDate;

public record EstablishFacilityCommand(FacilityId facilityId, String lender, Usd limit, BigDecimal annualInterestRatePct,
                                       DayCount dayCount, LocalDate maturityDate) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Facility.idOf(facilityId);
    }
}

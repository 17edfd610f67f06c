package org.reserveledger.domain.financing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reserveledger.domain.shared.FacilityId;
import org.reserveledger.domain.shared.Usd;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Establishes a loan facility; interest is counted ACT/360 unless another day count is given.
 */
public record EstablishFacilityCommand(FacilityId facilityId, String lender, Usd limit, BigDecimal annualInterestRatePct,
                                       DayCount dayCount, LocalDate maturityDate) {

    public EstablishFacilityCommand {
        dayCount = dayCount == null ? DayCount.ACT_360 : dayCount;
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Facility.idOf(facilityId);
    }
}

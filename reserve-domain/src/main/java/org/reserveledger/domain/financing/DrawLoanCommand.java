package org.reserveledger.domain.financing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reserveledger.domain.shared.DrawdownId;
import org.reserveledger.domain.shared.FacilityId;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;

public record DrawLoanCommand(FacilityId facilityId, DrawdownId drawdownId, Usd amount, LocalDate valueDate,
                              String purpose) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Facility.idOf(facilityId);
    }
}

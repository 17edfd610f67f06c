package org.reserveledger.domain.supply;

import org.reserveledger.domain.shared.BusinessDated;
import org.reserveledger.domain.shared.DisruptionId;
import org.reserveledger.domain.shared.Mineral;

import java.time.LocalDate;

public record DeclareDisruptionCommand(DisruptionId disruptionId, Mineral mineral, String reason,
                                       LocalDate declaredOn) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return declaredOn;
    }

    @Override
    public String businessDateField() {
        return "declaredOn";
    }
}

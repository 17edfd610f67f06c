package org.reserveledger.domain.supply;

import org.reserveledger.domain.shared.BusinessDated;
import org.reserveledger.domain.shared.DisruptionId;

import java.time.LocalDate;

public record EndDisruptionCommand(DisruptionId disruptionId, LocalDate endedOn) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return endedOn;
    }

    @Override
    public String businessDateField() {
        return "endedOn";
    }
}

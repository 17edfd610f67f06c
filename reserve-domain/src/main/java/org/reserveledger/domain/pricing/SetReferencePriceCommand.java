package org.reserveledger.domain.pricing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;

public record SetReferencePriceCommand(Mineral mineral, Usd pricePerTonne, LocalDate effectiveFrom) {

    @TargetAggregateIdentifier
    public String referencePriceId() {
        return ReferencePrice.idOf(mineral);
    }
}

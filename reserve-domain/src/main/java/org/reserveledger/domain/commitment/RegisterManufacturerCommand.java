package org.reserveledger.domain.commitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reserveledger.domain.shared.ManufacturerId;

public record RegisterManufacturerCommand(ManufacturerId manufacturerId, String name) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Manufacturer.idOf(manufacturerId);
    }
}

package org.reserveledger.domain.commitment;

import org.reserveledger.domain.shared.ManufacturerId;

public record ManufacturerRegistered(ManufacturerId manufacturerId, String name) {
}

package org.reserveledger.domain.supply;

import org.reserveledger.domain.shared.Mineral;

public sealed interface SupplyEvent permits DisruptionDeclared, DisruptionEnded {

    Mineral mineral();
}

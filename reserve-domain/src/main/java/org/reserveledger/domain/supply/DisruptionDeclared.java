package org.reserveledger.domain.supply;

import org.reserveledger.domain.shared.DisruptionId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.Tonnes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A declared supply disruption of a mineral. Entitlements are frozen here: each active
 * commitment's quantity × {@code ratio}, where ratio = min(1, national stock ÷ total committed).
 */
public record DisruptionDeclared(Mineral mineral, DisruptionId disruptionId, String reason, LocalDate declaredOn,
                                 Tonnes nationalStock, Tonnes totalCommitted, BigDecimal ratio,
                                 List<Entitlement> entitlements) implements SupplyEvent {

    public DisruptionDeclared {
        entitlements = List.copyOf(entitlements);
    }
}

package org.reserveledger.domain.supply;

import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.DisruptionId;
import org.reserveledger.domain.shared.Tonnes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * A disruption in force, as a draw sees it.
 */
public record ActiveDisruption(DisruptionId disruptionId, BigDecimal ratio, Map<CommitmentId, Tonnes> entitlements) {

    /** A commitment's frozen entitlement; one made after the declaration gets the same share of its quantity. */
    public Tonnes entitlementOf(CommitmentId commitmentId, Tonnes quantity) {
        Tonnes frozen = entitlements.get(commitmentId);
        return frozen != null ? frozen : MineralSupply.share(quantity, ratio);
    }

    static BigDecimal ratio(Tonnes stock, Tonnes committed) {
        if (committed.isZero() || !committed.exceeds(stock)) {
            return BigDecimal.ONE;
        }
        return stock.value().divide(committed.value(), 12, RoundingMode.DOWN);
    }
}

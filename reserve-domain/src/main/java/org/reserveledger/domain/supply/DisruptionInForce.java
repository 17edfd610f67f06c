package org.reserveledger.domain.supply;

import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.DisruptionId;
import org.reserveledger.domain.shared.Tonnes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

/**
 * A disruption as a draw dated within it sees it: in force from {@code declaredOn} through
 * {@code endedOn} (null while it lasts), with the entitlements frozen at its declaration.
 */
public record DisruptionInForce(DisruptionId disruptionId, LocalDate declaredOn, LocalDate endedOn,
                                Map<CommitmentId, Tonnes> entitlements) {

    public DisruptionInForce {
        entitlements = Map.copyOf(entitlements);
    }

    /** Whether the commitment was active at the declaration, and so has an entitlement under it. */
    public boolean entitles(CommitmentId commitmentId) {
        return entitlements.containsKey(commitmentId);
    }

    /**
     * A commitment's frozen entitlement. One made after the declaration has none: the stock on hand
     * at the declaration is already shared out among the commitments active then.
     */
    public Tonnes entitlementOf(CommitmentId commitmentId) {
        return entitlements.getOrDefault(commitmentId, Tonnes.ZERO);
    }

    /** Whether a fact dated {@code day} falls within the disruption: declared on or before it, not ended before it. */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(declaredOn) && (endedOn == null || !endedOn.isBefore(day));
    }

    static BigDecimal ratio(Tonnes stock, Tonnes committed) {
        if (committed.isZero() || !committed.exceeds(stock)) {
            return BigDecimal.ONE;
        }
        return stock.value().divide(committed.value(), 12, RoundingMode.DOWN);
    }
}

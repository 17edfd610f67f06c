package org.reserveledger.domain.supply;

import org.reserveledger.domain.shared.DisruptionId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.Tonnes;

import java.util.List;
import java.util.Optional;

/** A supply ledger whose figures a test sets: the stock, the active commitments, and whether a disruption was declared. */
public final class FixedSupplyLedger implements SupplyLedger {

    public Tonnes stock = Tonnes.ZERO;
    public List<CommittedQuantity> commitments = List.of();
    public boolean disrupted;

    @Override
    public Tonnes nationalStock(Mineral mineral) {
        return stock;
    }

    @Override
    public List<CommittedQuantity> activeCommitments(Mineral mineral) {
        return commitments;
    }

    @Override
    public Optional<Mineral> mineralOf(DisruptionId disruptionId) {
        return Optional.of(Mineral.COBALT);
    }

    @Override
    public boolean everDisrupted(Mineral mineral) {
        return disrupted;
    }
}

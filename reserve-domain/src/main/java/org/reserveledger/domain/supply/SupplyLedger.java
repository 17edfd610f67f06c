package org.reserveledger.domain.supply;

import org.reserveledger.domain.shared.CommitmentId;
import org.reserveledger.domain.shared.DisruptionId;
import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.Tonnes;

import java.util.List;
import java.util.Optional;

/**
 * What the command side knows across aggregates, kept in the same transaction as the events it
 * follows: the national stock per mineral, the active commitments, and which mineral each
 * disruption concerns.
 */
public interface SupplyLedger {

    /** Material of the mineral on hand at every site and in transit between them. */
    Tonnes nationalStock(Mineral mineral);

    List<CommittedQuantity> activeCommitments(Mineral mineral);

    Optional<Mineral> mineralOf(DisruptionId disruptionId);

    /** Whether a disruption of the mineral was ever declared, that is, whether its supply record exists. */
    boolean everDisrupted(Mineral mineral);

    record CommittedQuantity(CommitmentId commitmentId, Tonnes quantity) {
    }
}

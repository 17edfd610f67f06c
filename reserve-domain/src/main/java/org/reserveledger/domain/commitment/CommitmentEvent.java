package org.reserveledger.domain.commitment;

import org.reserveledger.domain.shared.CommitmentId;

/**
 * Everything that happens to a manufacturer's offtake commitment.
 */
public sealed interface CommitmentEvent
        permits CommitmentMade, MaterialDrawn, DrawReplenished, StorageFeeCharged, CommitmentSettled {

    CommitmentId commitmentId();
}

package org.reserveledger.projections.commitment;

import java.util.List;

public record CommitmentList(List<CommitmentSummary> commitments) {
}

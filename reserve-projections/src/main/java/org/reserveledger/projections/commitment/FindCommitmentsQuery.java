package org.reserveledger.projections.commitment;

import org.reserveledger.projections.replay.ViewQuery;

import java.time.LocalDate;
import java.util.List;

/**
 * Commitments, of one manufacturer when {@code manufacturerId} is set, as they stood at the end of
 * {@code valueDate} by their business dates. A commitment is listed once recorded, whatever its
 * start date: before it starts its status is {@code PENDING}.
 */
public record FindCommitmentsQuery(String manufacturerId, LocalDate valueDate) implements ViewQuery {

    /** Reads the tables of the commitments projection. */
    @Override
    public List<String> projections() {
        return List.of(CommitmentProjection.NAME);
    }
}

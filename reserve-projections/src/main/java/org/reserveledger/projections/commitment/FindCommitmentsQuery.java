package org.reserveledger.projections.commitment;

import java.time.LocalDate;

/**
 * Commitments, of one manufacturer when {@code manufacturerId} is set, as they stood at the end of
 * {@code valueDate} by their business dates. A commitment is listed once recorded, whatever its
 * start date: before it starts its status is {@code PENDING}.
 */
public record FindCommitmentsQuery(String manufacturerId, LocalDate valueDate) {
}

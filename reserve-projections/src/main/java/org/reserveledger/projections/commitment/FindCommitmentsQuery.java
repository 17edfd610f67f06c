package org.reserveledger.projections.commitment;

import java.time.LocalDate;

/**
 * Commitments, of one manufacturer when {@code manufacturerId} is set; draws are overdue when
 * their replenish-by date is before {@code today}.
 */
public record FindCommitmentsQuery(String manufacturerId, LocalDate today) {
}

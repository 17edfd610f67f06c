package org.reserveledger.projections.inventory;

import java.time.LocalDate;

/**
 * The national position in each mineral; consumption is measured over the year up to the business
 * date.
 */
public record FindInventoryByMineralQuery(LocalDate businessDate) {
}

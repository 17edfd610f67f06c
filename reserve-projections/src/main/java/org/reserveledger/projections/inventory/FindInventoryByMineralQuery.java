package org.reserveledger.projections.inventory;

import java.time.LocalDate;

/**
 * The national position in each mineral at the end of a business date; consumption is measured over the
 * year up to it.
 */
public record FindInventoryByMineralQuery(LocalDate businessDate) {
}

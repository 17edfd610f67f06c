package org.reserveledger.projections.inventory;

import java.time.LocalDate;

/** Stock per site and mineral at the end of a business date. */
public record FindInventoryBySiteQuery(LocalDate valueDate) {
}

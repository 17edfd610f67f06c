package org.reserveledger.projections.inventory;

import java.time.LocalDate;

/** Each mineral's reference price in force on a business date. */
public record FindReferencePricesQuery(LocalDate valueDate) {
}

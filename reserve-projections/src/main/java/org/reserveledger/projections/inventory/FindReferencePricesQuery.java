package org.reserveledger.projections.inventory;

import org.reserveledger.projections.replay.ViewQuery;

import java.time.LocalDate;
import java.util.List;

/** Each mineral's reference price in force on a business date. */
public record FindReferencePricesQuery(LocalDate valueDate) implements ViewQuery {

    /** Reads the tables of the inventory projection. */
    @Override
    public List<String> projections() {
        return List.of(InventoryProjection.NAME);
    }
}

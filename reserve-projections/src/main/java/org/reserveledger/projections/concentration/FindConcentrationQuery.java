package org.reserveledger.projections.concentration;

import org.reserveledger.projections.inventory.InventoryProjection;
import org.reserveledger.projections.replay.ViewQuery;

import java.time.LocalDate;
import java.util.List;

/** Origin shares of the stock held at the end of a business date. */
public record FindConcentrationQuery(LocalDate valueDate) implements ViewQuery {

    /** Reads the tables of the inventory projection. */
    @Override
    public List<String> projections() {
        return List.of(InventoryProjection.NAME);
    }
}

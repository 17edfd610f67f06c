package org.reserveledger.projections.inventory;

import org.reserveledger.projections.replay.ViewQuery;

import java.time.LocalDate;
import java.util.List;

/**
 * The national position in each mineral at the end of a business date; consumption is measured over the
 * year up to it.
 */
public record FindInventoryByMineralQuery(LocalDate businessDate) implements ViewQuery {

    /** Reads the tables of the inventory projection. */
    @Override
    public List<String> projections() {
        return List.of(InventoryProjection.NAME);
    }
}

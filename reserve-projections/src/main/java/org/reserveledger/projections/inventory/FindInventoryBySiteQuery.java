package org.reserveledger.projections.inventory;

import org.reserveledger.projections.replay.ViewQuery;

import java.time.LocalDate;
import java.util.List;

/** Stock per site and mineral at the end of a business date. */
public record FindInventoryBySiteQuery(LocalDate valueDate) implements ViewQuery {

    /** Reads the tables of the inventory projection. */
    @Override
    public List<String> projections() {
        return List.of(InventoryProjection.NAME);
    }
}

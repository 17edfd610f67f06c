package org.reserveledger.projections.inventory;

import org.reserveledger.projections.replay.ViewQuery;

import java.util.List;

public record FindSitesQuery() implements ViewQuery {

    /** Reads the tables of the inventory projection. */
    @Override
    public List<String> projections() {
        return List.of(InventoryProjection.NAME);
    }
}

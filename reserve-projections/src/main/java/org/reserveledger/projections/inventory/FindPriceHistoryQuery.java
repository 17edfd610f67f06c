package org.reserveledger.projections.inventory;

import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.projections.replay.ViewQuery;

import java.util.List;

/** Every reference price of one mineral, by effective date, oldest first; a corrected date shows its correction. */
public record FindPriceHistoryQuery(Mineral mineral) implements ViewQuery {

    /** Reads the tables of the inventory projection. */
    @Override
    public List<String> projections() {
        return List.of(InventoryProjection.NAME);
    }
}

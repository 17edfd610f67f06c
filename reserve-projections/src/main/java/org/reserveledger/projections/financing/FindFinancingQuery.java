package org.reserveledger.projections.financing;

import org.reserveledger.projections.inventory.InventoryProjection;
import org.reserveledger.projections.replay.ViewQuery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The financing position on a business date: flows valued later are left out and interest is
 * accrued to that date.
 */
public record FindFinancingQuery(LocalDate valueDate, BigDecimal requiredCoverageRatio) implements ViewQuery {

    /** Reads the tables of the financing projection, and the inventory projection's for the collateral. */
    @Override
    public List<String> projections() {
        return List.of(FinancingProjection.NAME, InventoryProjection.NAME);
    }
}

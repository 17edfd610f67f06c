package org.reserveledger.projections.financing;

import org.reserveledger.projections.inventory.InventoryProjection;
import org.reserveledger.projections.replay.ViewQuery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The financing view on each of several value dates, all drawn from the same rows. */
public record FindFinancingHistoryQuery(List<LocalDate> valueDates, BigDecimal requiredCoverageRatio) implements ViewQuery {

    public FindFinancingHistoryQuery {
        valueDates = List.copyOf(valueDates);
    }

    /** Reads the tables of the financing projection, and the inventory projection's for the collateral. */
    @Override
    public List<String> projections() {
        return List.of(FinancingProjection.NAME, InventoryProjection.NAME);
    }
}

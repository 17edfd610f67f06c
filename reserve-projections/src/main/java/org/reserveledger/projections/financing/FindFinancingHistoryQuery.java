package org.reserveledger.projections.financing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The financing view on each of several value dates, all drawn from the same rows. */
public record FindFinancingHistoryQuery(List<LocalDate> valueDates, BigDecimal requiredCoverageRatio) {

    public FindFinancingHistoryQuery {
        valueDates = List.copyOf(valueDates);
    }
}

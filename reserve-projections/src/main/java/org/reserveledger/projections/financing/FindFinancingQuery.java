package org.reserveledger.projections.financing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The financing position on a business date: flows valued later are left out and interest is
 * accrued to that date.
 */
public record FindFinancingQuery(LocalDate valueDate, BigDecimal requiredCoverageRatio) {
}

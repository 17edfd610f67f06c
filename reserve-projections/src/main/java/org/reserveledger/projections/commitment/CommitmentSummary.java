package org.reserveledger.projections.commitment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One commitment as the commitments view shows it. {@code emergencyEntitlementTonnes} is set
 * while a disruption of its mineral is declared.
 */
public record CommitmentSummary(String commitmentId, String manufacturerId, String mineral, BigDecimal quantityTonnes,
                                BigDecimal drawnTonnes, BigDecimal replenishedTonnes, BigDecimal outstandingDrawTonnes,
                                boolean overdue, BigDecimal upfrontFeeUsd, BigDecimal storageFeesChargedUsd,
                                String status, BigDecimal pricePerTonneUsd, LocalDate startDate, LocalDate endDate,
                                int replenishWithinDays, BigDecimal emergencyEntitlementTonnes, LocalDate settledOn,
                                BigDecimal proceedsUsd, List<Draw> draws) {

    public record Draw(String drawId, String siteId, BigDecimal quantityTonnes, BigDecimal replenishedTonnes,
                       LocalDate drawnOn, boolean emergency, LocalDate replenishBy, boolean overdue) {
    }
}

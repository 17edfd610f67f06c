package org.reserveledger.projections.commitment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One commitment as the commitments view shows it at a value date. {@code status} is
 * {@code PENDING} before the start date, {@code SETTLED} from the settlement, {@code ACTIVE} in
 * between. {@code emergencyEntitlementTonnes} is set while a disruption of its mineral is in force
 * on the value date, 0 for a commitment made after that disruption was declared.
 */
public record CommitmentSummary(String commitmentId, String manufacturerId, String mineral, BigDecimal quantityTonnes,
                                BigDecimal drawnTonnes, BigDecimal replenishedTonnes, BigDecimal outstandingDrawTonnes,
                                boolean overdue, BigDecimal upfrontFeeUsd, BigDecimal storageFeesChargedUsd,
                                String status, BigDecimal pricePerTonneUsd, LocalDate startDate, LocalDate endDate,
                                int replenishWithinDays, BigDecimal emergencyEntitlementTonnes, LocalDate settledOn,
                                BigDecimal proceedsUsd, List<Draw> draws) {

    public static final String PENDING = "PENDING";
    public static final String ACTIVE = "ACTIVE";
    public static final String SETTLED = "SETTLED";

    /** A draw made by the value date, with what was replenished of it by then. */
    public record Draw(String drawId, String siteId, BigDecimal quantityTonnes, BigDecimal replenishedTonnes,
                       LocalDate drawnOn, boolean emergency, LocalDate replenishBy, boolean overdue) {
    }
}

package org.reserveledger.projections.financing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The financing view: the facilities, private capital, manufacturers' fees, sources and uses of
 * cash, and collateral coverage, on {@code valueDate}.
 */
public record Financing(LocalDate valueDate, List<FacilityPosition> facilities, PrivateCapital privateCapital,
                        ManufacturerFees manufacturerFees, SourcesAndUses sourcesAndUses, Collateral collateral) {

    public record FacilityPosition(String facilityId, String lender, BigDecimal limitUsd, BigDecimal drawnUsd,
                                   BigDecimal undrawnUsd, BigDecimal principalOutstandingUsd,
                                   BigDecimal interestAccruedUsd, BigDecimal interestPaidUsd,
                                   BigDecimal annualInterestRatePct, String dayCount, LocalDate maturityDate) {
    }

    public record PrivateCapital(BigDecimal committedUsd, BigDecimal calledUsd, BigDecimal contributedUsd,
                                 BigDecimal uncalledUsd, List<Investor> investors) {
    }

    public record Investor(String investorId, String name, BigDecimal committedUsd, BigDecimal calledUsd,
                           BigDecimal contributedUsd, BigDecimal uncalledUsd) {
    }

    /** {@code proceedsUsd}, the buyback proceeds, is not a fee but is cash from manufacturers too. */
    public record ManufacturerFees(BigDecimal upfrontUsd, BigDecimal storageUsd, BigDecimal proceedsUsd) {
    }

    public record SourcesAndUses(BigDecimal sourcesUsd, BigDecimal procurementUsd, BigDecimal repaymentsUsd,
                                 BigDecimal cashUsd, List<BySource> bySource) {
    }

    public record BySource(String fundingSource, BigDecimal raisedUsd, BigDecimal deployedUsd) {
    }

    /**
     * {@code coverageRatio} is null while no loan principal is outstanding; {@code requiredCoverageRatio}
     * is the coverage the reserve undertakes to keep.
     */
    public record Collateral(BigDecimal inventoryReferenceValueUsd, BigDecimal loanOutstandingUsd,
                             BigDecimal coverageRatio, BigDecimal requiredCoverageRatio) {
    }
}

package org.reserveledger.projections.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The national position in one mineral: the sum over sites of material on hand and in transit,
 * what of it is committed to manufacturers under active commitments, and what they have drawn
 * and not yet replenished. Consumption is what manufacturers drew in the 365 days up to the
 * business date; days of cover is the stock on hand divided by that consumption's daily average,
 * in whole days, and {@code null} where nothing was drawn.
 */
public record MineralPosition(String mineral, BigDecimal onHandTonnes, BigDecimal inTransitTonnes,
                              BigDecimal committedTonnes, BigDecimal outstandingDrawTonnes,
                              BigDecimal bookValueUsd, BigDecimal referenceValueUsd,
                              BigDecimal drawnLastYearTonnes, BigDecimal daysOfCover) {

    /** The window over which consumption is measured. */
    public static final int CONSUMPTION_DAYS = 365;

    private static final BigDecimal NO_TONNES = new BigDecimal("0.000");

    static MineralPosition of(SiteMineral site) {
        return new MineralPosition(site.mineral(), site.onHandTonnes(), site.inTransitTonnes(), NO_TONNES, NO_TONNES,
                site.bookValueUsd(), site.referenceValueUsd(), NO_TONNES, null);
    }

    static MineralPosition empty(String mineral) {
        BigDecimal noMoney = new BigDecimal("0.00");
        return new MineralPosition(mineral, NO_TONNES, NO_TONNES, NO_TONNES, NO_TONNES, noMoney, noMoney, NO_TONNES, null);
    }

    MineralPosition withCommitments(BigDecimal committed, BigDecimal outstanding) {
        return new MineralPosition(mineral, onHandTonnes, inTransitTonnes, committed, outstanding, bookValueUsd,
                referenceValueUsd, drawnLastYearTonnes, daysOfCover);
    }

    MineralPosition withConsumption(BigDecimal drawnLastYear) {
        // A whole number of days, but not a long: a large stock over a kilogram's consumption outgrows one.
        BigDecimal days = drawnLastYear.signum() == 0 ? null
                : onHandTonnes.multiply(BigDecimal.valueOf(CONSUMPTION_DAYS)).divide(drawnLastYear, 0, RoundingMode.DOWN);
        return new MineralPosition(mineral, onHandTonnes, inTransitTonnes, committedTonnes, outstandingDrawTonnes,
                bookValueUsd, referenceValueUsd, drawnLastYear, days);
    }

    MineralPosition plus(MineralPosition other) {
        return new MineralPosition(mineral, onHandTonnes.add(other.onHandTonnes),
                inTransitTonnes.add(other.inTransitTonnes), committedTonnes, outstandingDrawTonnes,
                bookValueUsd.add(other.bookValueUsd),
                referenceValueUsd == null || other.referenceValueUsd == null ? null
                        : referenceValueUsd.add(other.referenceValueUsd),
                drawnLastYearTonnes, daysOfCover);
    }
}

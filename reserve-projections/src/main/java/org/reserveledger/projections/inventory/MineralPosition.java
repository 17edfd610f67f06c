package org.reserveledger.projections.inventory;

import java.math.BigDecimal;

/**
 * The national position in one mineral: the sum over sites of material on hand and in transit,
 * what of it is committed to manufacturers under active commitments, and what they have drawn
 * and not yet replenished.
 */
public record MineralPosition(String mineral, BigDecimal onHandTonnes, BigDecimal inTransitTonnes,
                              BigDecimal committedTonnes, BigDecimal outstandingDrawTonnes,
                              BigDecimal bookValueUsd, BigDecimal referenceValueUsd) {

    private static final BigDecimal NO_TONNES = new BigDecimal("0.000");

    static MineralPosition of(SiteMineral site) {
        return new MineralPosition(site.mineral(), site.onHandTonnes(), site.inTransitTonnes(), NO_TONNES, NO_TONNES,
                site.bookValueUsd(), site.referenceValueUsd());
    }

    static MineralPosition empty(String mineral) {
        BigDecimal noMoney = new BigDecimal("0.00");
        return new MineralPosition(mineral, NO_TONNES, NO_TONNES, NO_TONNES, NO_TONNES, noMoney, noMoney);
    }

    MineralPosition withCommitments(BigDecimal committed, BigDecimal outstanding) {
        return new MineralPosition(mineral, onHandTonnes, inTransitTonnes, committed, outstanding, bookValueUsd,
                referenceValueUsd);
    }

    MineralPosition plus(MineralPosition other) {
        return new MineralPosition(mineral, onHandTonnes.add(other.onHandTonnes),
                inTransitTonnes.add(other.inTransitTonnes), committedTonnes, outstandingDrawTonnes,
                bookValueUsd.add(other.bookValueUsd),
                referenceValueUsd == null || other.referenceValueUsd == null ? null
                        : referenceValueUsd.add(other.referenceValueUsd));
    }
}

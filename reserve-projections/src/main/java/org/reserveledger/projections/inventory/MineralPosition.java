package org.reserveledger.projections.inventory;

import java.math.BigDecimal;

/**
 * The national position in one mineral: the sum over sites of material on hand and in transit,
 * and what of it is committed to manufacturers.
 */
public record MineralPosition(String mineral, BigDecimal onHandTonnes, BigDecimal inTransitTonnes,
                              BigDecimal committedTonnes, BigDecimal outstandingDrawTonnes,
                              BigDecimal bookValueUsd, BigDecimal referenceValueUsd) {

    private static final BigDecimal NO_TONNES = new BigDecimal("0.000");

    static MineralPosition of(SiteMineral site) {
        return new MineralPosition(site.mineral(), site.onHandTonnes(), site.inTransitTonnes(), NO_TONNES, NO_TONNES,
                site.bookValueUsd(), site.referenceValueUsd());
    }

    MineralPosition plus(MineralPosition other) {
        return new MineralPosition(mineral, onHandTonnes.add(other.onHandTonnes),
                inTransitTonnes.add(other.inTransitTonnes), committedTonnes, outstandingDrawTonnes,
                bookValueUsd.add(other.bookValueUsd),
                referenceValueUsd == null || other.referenceValueUsd == null ? null
                        : referenceValueUsd.add(other.referenceValueUsd));
    }
}

package org.reserveledger.projections.concentration;

import java.math.BigDecimal;
import java.util.List;

/**
 * Per mineral, the shares of the reserve's material by origin country and their
 * Herfindahl-Hirschman index: the sum of squared percentage shares, from near 0 (many origins)
 * to 10000 (one origin).
 */
public record Concentration(List<MineralConcentration> minerals) {

    public record MineralConcentration(String mineral, BigDecimal hhi, String topCountry, BigDecimal topShare,
                                       List<Origin> origins) {
    }

    /** {@code share} is a fraction of the mineral's tonnes, 0 to 1. */
    public record Origin(String country, BigDecimal tonnes, BigDecimal share) {
    }
}

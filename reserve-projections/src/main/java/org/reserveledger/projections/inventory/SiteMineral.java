package org.reserveledger.projections.inventory;

import java.math.BigDecimal;

/**
 * One mineral at one site. Values cover the material on hand and in transit to the site;
 * {@code referenceValueUsd} is null while the mineral has no reference price.
 */
public record SiteMineral(String mineral, BigDecimal onHandTonnes, BigDecimal inTransitTonnes,
                          BigDecimal availableTonnes, int lotCount, BigDecimal bookValueUsd,
                          BigDecimal referenceValueUsd) {
}

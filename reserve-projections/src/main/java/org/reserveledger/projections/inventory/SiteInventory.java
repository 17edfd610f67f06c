package org.reserveledger.projections.inventory;

import java.math.BigDecimal;
import java.util.List;

/**
 * One site: its capacity, the room used by material on hand and in transit to it, and its
 * stock per mineral.
 */
public record SiteInventory(String siteId, BigDecimal capacityTonnes, BigDecimal usedTonnes,
                            List<SiteMineral> minerals) {
}

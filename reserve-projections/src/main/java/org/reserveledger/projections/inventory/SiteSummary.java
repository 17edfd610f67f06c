package org.reserveledger.projections.inventory;

import java.math.BigDecimal;

public record SiteSummary(String siteId, String name, String state, BigDecimal capacityTonnes, String status) {
}

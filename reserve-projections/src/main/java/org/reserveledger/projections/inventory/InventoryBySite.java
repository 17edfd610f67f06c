package org.reserveledger.projections.inventory;

import java.util.List;

public record InventoryBySite(List<SiteInventory> sites) {
}

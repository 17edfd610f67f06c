package org.reserveledger.projections.inventory;

import java.util.List;

public record InventoryByMineral(List<MineralPosition> minerals) {
}

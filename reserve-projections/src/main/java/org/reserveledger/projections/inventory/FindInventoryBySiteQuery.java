package org.reserveledger.projections.inventory;

public record FindInventoryBySiteQuery() {
}

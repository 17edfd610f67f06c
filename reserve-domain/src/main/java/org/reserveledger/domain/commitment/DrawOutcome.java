package org.reserveledger.domain.commitment;

import org.reserveledger.domain.inventory.LotPortion;

import java.time.LocalDate;
import java.util.List;

public record DrawOutcome(boolean emergency, LocalDate replenishBy, List<LotPortion> lots) {
}

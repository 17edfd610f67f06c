package org.reserveledger.domain.pricing;

import org.reserveledger.domain.shared.Mineral;
import org.reserveledger.domain.shared.Usd;

import java.time.LocalDate;

/**
 * The price per tonne at which governance values a mineral's stock from a date on.
 */
public record ReferencePriceSet(Mineral mineral, Usd pricePerTonne, LocalDate effectiveFrom) {
}

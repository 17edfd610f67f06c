package org.reserveledger.projections.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Reference prices, each with the day it takes effect and where it was taken from. */
public record ReferencePrices(List<Price> items) {

    public record Price(String mineral, BigDecimal pricePerTonneUsd, LocalDate effectiveFrom, String source) {
    }
}

package org.reserveledger.domain.inventory;

/**
 * Where the money that bought a lot came from.
 */
public enum FundingSource {
    EXIM_LOAN,
    PRIVATE_CAPITAL,
    MANUFACTURER_REPLENISHMENT
}

package org.reserveledger.domain.inventory;

/**
 * Why material leaves the reserve outside a manufacturer's draw.
 */
public enum WithdrawalReason {
    ROTATION,
    SALE,
    LOSS,
    EMERGENCY_RELEASE
}

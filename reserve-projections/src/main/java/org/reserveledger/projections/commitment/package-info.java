/**
 * The commitments read model: each commitment's quantities, draws, replenishments, fees and
 * status, and the disruptions with their frozen entitlements.
 */
package org.reserveledger.projections.commitment;

/**
 * Manufacturers, their offtake commitments, draws, replenishments and buybacks, supply
 * disruptions, and the monthly storage fees.
 */
package org.reserveledger.api.commitment;

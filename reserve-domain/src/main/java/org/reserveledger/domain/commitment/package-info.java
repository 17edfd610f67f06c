/**
 * Manufacturers' offtake commitments: draws of material, replenishments, storage fees and the
 * end-of-term buyback.
 */
package org.reserveledger.domain.commitment;

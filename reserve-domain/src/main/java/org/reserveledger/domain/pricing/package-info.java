/**
 * Reference prices, at which governance values the reserve's stock.
 */
package org.reserveledger.domain.pricing;

/**
 * The financing read model: the loan facility's flows, private capital, procurement and the cash
 * manufacturers pay, each with its value date.
 */
package org.reserveledger.projections.financing;

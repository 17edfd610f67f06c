/**
 * The money behind the reserve: the loan facility with its drawdowns, interest and repayments,
 * and private capital with its calls and contributions.
 */
package org.reserveledger.domain.financing;

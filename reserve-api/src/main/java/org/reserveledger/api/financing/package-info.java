/**
 * Treasury's commands: the loan facility's drawdowns and repayments, investors, capital calls and
 * contributions.
 */
package org.reserveledger.api.financing;

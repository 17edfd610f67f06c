/**
 * The Reserve Ledger service: REST commands and views over the event-sourced reserve.
 */
package org.reserveledger.api;

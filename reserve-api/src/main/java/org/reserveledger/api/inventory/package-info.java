/**
 * Operators' commands on stock: deposits of lots, withdrawals and transfers between sites.
 */
package org.reserveledger.api.inventory;

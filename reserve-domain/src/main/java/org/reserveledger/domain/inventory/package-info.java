/**
 * Storage sites and the lots they hold: deposits, withdrawals and transfers between sites.
 */
package org.reserveledger.domain.inventory;

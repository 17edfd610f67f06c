/**
 * Supply disruptions: while one is declared for a mineral, manufacturers draw on emergency
 * entitlements frozen at the declaration.
 */
package org.reserveledger.domain.supply;

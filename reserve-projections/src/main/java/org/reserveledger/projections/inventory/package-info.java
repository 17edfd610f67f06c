/**
 * The inventory read model: sites, the lots each holds, material in transit and reference
 * prices, answered per site and per mineral.
 */
package org.reserveledger.projections.inventory;

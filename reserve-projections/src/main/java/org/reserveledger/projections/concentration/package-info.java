/**
 * Origin concentration per mineral, answered from the inventory projection's lots.
 */
package org.reserveledger.projections.concentration;

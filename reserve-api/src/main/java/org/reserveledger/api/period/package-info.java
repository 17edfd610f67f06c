/**
 * Closing periods of the books, and the check that keeps every business-dated command out of today's future
 * and out of the closed periods.
 */
package org.reserveledger.api.period;

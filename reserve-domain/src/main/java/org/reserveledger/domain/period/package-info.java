/**
 * Periods of the books: the day through which they are closed, after which nothing dated on or before it changes.
 */
package org.reserveledger.domain.period;

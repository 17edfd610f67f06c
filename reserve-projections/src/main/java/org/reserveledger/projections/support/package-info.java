/**
 * What the projections share to write their tables: inserts held back and sent in batches with the
 * transaction of the events that made them.
 */
package org.reserveledger.projections.support;

/**
 * Replaying the stream through the projections' own handlers: into temporary tables to answer a
 * view as of a past instant, and into a schema aside to rebuild a projection while its live
 * tables keep answering.
 */
package org.reserveledger.projections.replay;

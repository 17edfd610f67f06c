/**
 * Replaying the stream through the projections' own handlers, by one {@link
 * org.reserveledger.projections.replay.StreamReplay}: into a checkpoint's tables (or temporary
 * tables) to answer a view as of a past instant, into a new checkpoint from the one before it, and
 * into a schema aside to rebuild a projection while its live tables keep answering.
 */
package org.reserveledger.projections.replay;

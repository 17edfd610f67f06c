package org.reserveledger.api.views;

import java.time.Instant;

/**
 * Where on the stream a view answers: live (after {@code minPosition} when one is given), or as the
 * stream stood at {@code asOf}; a live view never needs a replay.
 *
 * @param minPosition the position a live view must have applied, or null
 * @param asOf        the recording instant a view is replayed to, or null for the live tables
 */
public record ViewPoint(Long minPosition, Instant asOf) {

    /** The live tables, once they have applied {@code minPosition} when one is given. */
    public static ViewPoint live(Long minPosition) {
        return new ViewPoint(minPosition, null);
    }
}

package org.reserveledger.projections.replay;

import java.time.Instant;

/**
 * Where a projection's last or current rebuild stands.
 *
 * @param replaying  whether a rebuild is under way; meanwhile the view answers from its last complete tables
 * @param position   the last event position the rebuild has applied, or -1
 * @param startedAt  when the last rebuild started, or {@code null} if none has
 * @param finishedAt when it finished (swapped in or failed), or {@code null} while under way or before any
 * @param events     events the last rebuild replayed
 * @param failure    why the last rebuild failed, or {@code null}
 */
public record RebuildStatus(boolean replaying, long position, Instant startedAt, Instant finishedAt, long events,
                            String failure) {

    static final RebuildStatus NEVER = new RebuildStatus(false, -1, null, null, 0, null);
}

package org.reserveledger.projections.replay;

import java.util.List;

/**
 * A query a view answers, which names the projections whose tables its handler reads: a live answer is read at
 * their positions, waits for them, and a view {@code asOf} an instant replays them.
 */
public interface ViewQuery {

    /** The names of the projections ({@code @ProcessingGroup}s) whose tables the query reads. */
    List<String> projections();
}

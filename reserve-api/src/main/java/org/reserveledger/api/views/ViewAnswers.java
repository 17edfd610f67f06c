package org.reserveledger.api.views;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.eventhandling.TrackingToken;
import org.reserveledger.projections.replay.ViewQuery;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The live views' latest answers, each kept with the tokens of the projections it was read from. A view's query
 * reads nothing but its projections' tables and its own parameters, and a projection's tables change only in the
 * transaction that moves its tokens (a batch of events, a late event filling a gap, a rebuild's swap), so while
 * the tokens read in a view's snapshot equal those kept with an answer, that answer is what the query would
 * return, and is given without running it. The one change that leaves the tokens as they are, a parked event
 * applied on retry, is never at stake: views of a projection holding parked events are not kept.
 * <p>
 * Answers are immutable records and are shared between requests; the newest few are kept (Caffeine, bounded).
 */
final class ViewAnswers {

    private static final int KEPT = 64;

    private final Cache<ViewQuery, Kept> answers = Caffeine.newBuilder()
            .maximumSize(KEPT)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    /**
     * The answer to {@code query} over its projections' tables at {@code tokens}: the one kept for them, or
     * {@code read}'s, kept for the next request at the same tokens.
     */
    <T> T answer(ViewQuery query, Class<T> type, List<List<TrackingToken>> tokens, Supplier<T> read) {
        Kept kept = answers.getIfPresent(query);
        if (kept != null && kept.tokens().equals(tokens) && type.isInstance(kept.answer())) {
            return type.cast(kept.answer());
        }
        T answer = read.get();
        answers.put(query, new Kept(tokens, answer));
        return answer;
    }

    private record Kept(List<List<TrackingToken>> tokens, Object answer) {
    }
}

package org.reserveledger.api.views;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;
import org.reserveledger.projections.replay.ViewQuery;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ViewAnswersTest {

    private final ViewAnswers answers = new ViewAnswers();
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void anAnswerIsGivenAgainOnlyWhileEveryTokenStandsWhereItStood() {
        List<List<TrackingToken>> at100 = tokens(GapAwareTrackingToken.newInstance(100, Set.of(97L)));
        assertThat(answer(new Query("2026-06-30"), at100)).isEqualTo("read 1");
        assertThat(answer(new Query("2026-06-30"), at100)).as("the same tokens").isEqualTo("read 1");
        assertThat(answer(new Query("2026-06-30"), tokens(GapAwareTrackingToken.newInstance(100, Set.of(97L)))))
                .as("equal tokens read again").isEqualTo("read 1");

        // The event at 97 committed late and was applied: same index, one gap fewer, other rows.
        List<List<TrackingToken>> gapFilled = tokens(GapAwareTrackingToken.newInstance(100, Set.of()));
        assertThat(answer(new Query("2026-06-30"), gapFilled)).isEqualTo("read 2");
        assertThat(answer(new Query("2026-06-30"), tokens(GapAwareTrackingToken.newInstance(101, Set.of()))))
                .as("one more event").isEqualTo("read 3");
        // Two segments: one of them moving is enough.
        assertThat(answer(new Query("2026-06-30"), List.of(List.of(GapAwareTrackingToken.newInstance(101, Set.of()),
                GapAwareTrackingToken.newInstance(102, Set.of()))))).isEqualTo("read 4");
        assertThat(reads).hasValue(4);
    }

    @Test
    void eachQueryHasItsOwnAnswer() {
        List<List<TrackingToken>> at = tokens(GapAwareTrackingToken.newInstance(5, Set.of()));
        assertThat(answer(new Query("2026-06-30"), at)).isEqualTo("read 1");
        assertThat(answer(new Query("2026-05-31"), at)).as("another value date").isEqualTo("read 2");
        assertThat(answer(new Query("2026-06-30"), at)).isEqualTo("read 1");
        assertThat(answers.answer(new TwoProjectionsQuery(LocalDate.parse("2026-06-30")), String.class,
                List.of(at.getFirst(), at.getFirst()), this::read)).as("another set of projections").isEqualTo("read 3");
    }

    private String answer(Query query, List<List<TrackingToken>> tokens) {
        return answers.answer(query, String.class, tokens, this::read);
    }

    private String read() {
        return "read " + reads.incrementAndGet();
    }

    private static List<List<TrackingToken>> tokens(TrackingToken token) {
        return List.of(List.of(token));
    }

    private record Query(LocalDate valueDate) implements ViewQuery {
        Query(String valueDate) {
            this(LocalDate.parse(valueDate));
        }

        @Override
        public List<String> projections() {
            return List.of("inventory");
        }
    }

    private record TwoProjectionsQuery(LocalDate valueDate) implements ViewQuery {
        @Override
        public List<String> projections() {
            return List.of("inventory", "financing");
        }
    }
}

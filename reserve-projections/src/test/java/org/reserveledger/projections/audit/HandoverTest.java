package org.reserveledger.projections.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandoverTest {

    @Test
    void everyItemReachesTheCallerInOrderEvenWhenTheReaderFinishesAheadOfIt() throws Exception {
        Handover<Integer> handover = new Handover<>(10, 4);
        // As many batches as wait at most: the reader has its last one handed over before the caller takes any.
        int items = 10 * 4;
        Thread reader = Thread.ofPlatform().start(() -> {
            IntStream.range(0, items).forEach(handover::emit);
            handover.finish(null);
        });
        while (reader.getState() != Thread.State.WAITING && reader.isAlive()) {
            Thread.onSpinWait();
        }
        List<Integer> taken = new ArrayList<>();
        handover.drainTo(taken::add);
        reader.join();
        handover.rethrow();
        assertThat(taken).isEqualTo(IntStream.range(0, items).boxed().toList());
    }

    @Test
    void aFailedReadEndsTheCallerWithTheFailure() {
        Handover<Integer> handover = new Handover<>(10, 4);
        handover.emit(1);
        handover.finish(new IllegalStateException("connection lost"));
        List<Integer> taken = new ArrayList<>();
        handover.drainTo(taken::add);
        assertThat(taken).isEmpty();
        assertThatThrownBy(handover::rethrow).hasMessage("connection lost");
    }

    @Test
    void aReaderIsNeverKeptWaitingByACallerThatStopped() throws Exception {
        Handover<Integer> handover = new Handover<>(10, 4);
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                IntStream.range(0, 1_000).forEach(handover::emit);
                handover.finish(null);
            } catch (RuntimeException e) {
                handover.finish(e);
            }
        });
        handover.cancel();
        reader.join();
        assertThatThrownBy(handover::rethrow).isInstanceOf(IllegalStateException.class);
    }
}

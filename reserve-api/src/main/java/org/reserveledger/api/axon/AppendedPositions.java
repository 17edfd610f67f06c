package org.reserveledger.api.axon;

import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * The global position of the last event appended by the command running on this thread, as the
 * storage engine learns it from its insert: a command's response names it without asking the table again.
 * The command bus handles commands, and appends their events, on the sending thread.
 */
@Component
public class AppendedPositions {

    private final ThreadLocal<long[]> last = new ThreadLocal<>();

    /**
     * Runs {@code command} and reports the last position it appended, or {@code -1} if none.
     */
    public <R> Appended<R> during(Supplier<R> command) {
        long[] previous = last.get();
        long[] position = {-1};
        last.set(position);
        try {
            return new Appended<>(command.get(), position[0]);
        } finally {
            if (previous == null) {
                last.remove();
            } else {
                last.set(previous);
            }
        }
    }

    void appended(long position) {
        long[] current = last.get();
        if (current != null && position > current[0]) {
            current[0] = position;
        }
    }

    public record Appended<R>(R result, long position) {
    }
}

package org.reserveledger.projections.tracking;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.MergedTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a projection's progress from the token store. Tokens are written in the same transaction
 * as the projection's rows, so a position read together with a view's rows describes exactly them.
 */
@Component
public class ProjectionPositions {

    private final JdbcClient jdbc;
    private final Serializer serializer;

    public ProjectionPositions(JdbcClient jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The position every segment of the projection has reached, or -1 before it has applied any event. */
    public long position(String projection) {
        return progress(List.of(projection)).get(projection).position();
    }

    /** Whether the projection has applied the event at this global position (a late-committing gap does not count). */
    public boolean hasApplied(String projection, long position) {
        return progress(List.of(projection)).get(projection).hasApplied(position);
    }

    /** The progress of each of these projections, read in one query; a projection without tokens has applied nothing. */
    public Map<String, Progress> progress(Collection<String> projections) {
        Map<String, List<TrackingToken>> tokens = new HashMap<>();
        Set<String> parking = new HashSet<>();
        projections.forEach(projection -> tokens.put(projection, new ArrayList<>()));
        // Whether a projection holds parked events is read with its tokens, so that asking costs no round trip.
        jdbc.sql("""
                        select processor_name, token, token_type,
                               exists (select 1 from dead_letter_entry d where d.processing_group = t.processor_name) parked
                        from token_entry t where processor_name in (:names) order by processor_name, segment""")
                .param("names", tokens.keySet())
                .query(rs -> {
                    String projection = rs.getString("processor_name");
                    tokens.get(projection).add(token(rs.getBytes("token"), rs.getString("token_type")));
                    if (rs.getBoolean("parked")) {
                        parking.add(projection);
                    }
                });
        Map<String, Progress> progress = new HashMap<>();
        tokens.forEach((projection, its) -> progress.put(projection, new Progress(its, parking.contains(projection))));
        return progress;
    }

    private TrackingToken token(byte[] token, String type) {
        if (token == null || type == null) {
            return null;
        }
        return (TrackingToken) serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
    }

    /**
     * How far one projection has read: the tokens of its segments, a null token for a segment that has read nothing.
     */
    public static final class Progress {

        private final List<TrackingToken> tokens;
        private final boolean parked;

        Progress(List<TrackingToken> tokens, boolean parked) {
            this.tokens = tokens;
            this.parked = parked;
        }

        /**
         * Whether the projection holds events parked in its dead-letter queue: its position has moved past
         * them, but they are not applied.
         */
        public boolean parked() {
            return parked;
        }

        /**
         * The token of each segment, by segment (a segment that has read nothing has none): equal tokens mean the
         * projection's tables hold the same events.
         */
        public List<TrackingToken> tokens() {
            return Collections.unmodifiableList(tokens);
        }

        /** The position every segment has reached, or -1 before any has applied an event. */
        public long position() {
            if (tokens.isEmpty()) {
                return -1;
            }
            long lowest = Long.MAX_VALUE;
            for (TrackingToken token : tokens) {
                lowest = Math.min(lowest, token == null ? -1 : token.position().orElse(-1));
            }
            return lowest;
        }

        /** Whether every segment has applied the event at this global position. */
        public boolean hasApplied(long position) {
            return !tokens.isEmpty() && tokens.stream().allMatch(token -> token != null && applied(token, position));
        }

        /**
         * Whether a token has passed this position and it is not one of the token's gaps. (Axon's
         * {@code covers} would also demand equal gaps below the position, which a rolled-back append leaves forever.)
         */
        private static boolean applied(TrackingToken token, long position) {
            return switch (token) {
                case ReplayToken replay -> replay.getCurrentToken() != null && applied(replay.getCurrentToken(), position);
                case MergedTrackingToken merged ->
                        applied(merged.lowerSegmentToken(), position) && applied(merged.upperSegmentToken(), position);
                case GapAwareTrackingToken gapAware ->
                        position <= gapAware.getIndex() && !gapAware.getGaps().contains(position);
                default -> token.position().orElse(-1) >= position;
            };
        }
    }
}

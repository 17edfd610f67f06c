package org.reserveledger.projections.tracking;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.MergedTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

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
        List<TrackingToken> tokens = tokens(projection);
        if (tokens.isEmpty()) {
            return -1;
        }
        long lowest = Long.MAX_VALUE;
        for (TrackingToken token : tokens) {
            lowest = Math.min(lowest, token == null ? -1 : token.position().orElse(-1));
        }
        return lowest;
    }

    /** Whether the projection has applied the event at this global position (a late-committing gap does not count). */
    public boolean hasApplied(String projection, long position) {
        List<TrackingToken> tokens = tokens(projection);
        if (tokens.isEmpty()) {
            return false;
        }
        return tokens.stream().allMatch(token -> token != null && applied(token, position));
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
            case GapAwareTrackingToken gapAware -> position <= gapAware.getIndex() && !gapAware.getGaps().contains(position);
            default -> token.position().orElse(-1) >= position;
        };
    }

    private List<TrackingToken> tokens(String projection) {
        return jdbc.sql("select token, token_type from token_entry where processor_name = :name")
                .param("name", projection)
                .query((rs, n) -> {
                    byte[] token = rs.getBytes("token");
                    String type = rs.getString("token_type");
                    if (token == null || type == null) {
                        return null;
                    }
                    return (TrackingToken) serializer.deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, type, null));
                })
                .list();
    }
}

package org.reserveledger.api.axon;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens stored by the token store read back as written, including the replay token a streaming
 * processor writes when it starts on a stream that already has events, or is reset.
 */
class TokenSerializationTest {

    private final Serializer serializer = AxonConfiguration.jsonSerializer(false);

    @Test
    void aReplayTokenReadsBackAsWritten() {
        TrackingToken head = GapAwareTrackingToken.newInstance(157, Set.of(150L));
        TrackingToken replay = ReplayToken.createReplayToken(head, GapAwareTrackingToken.newInstance(20, Set.of()));

        SerializedObject<byte[]> stored = serializer.serialize(replay, byte[].class);
        TrackingToken read = serializer.deserialize(stored);

        assertThat(read).isEqualTo(replay);
        assertThat(ReplayToken.isReplay(read)).isTrue();
    }

    @Test
    void aGapAwareTokenReadsBackAsWritten() {
        TrackingToken token = GapAwareTrackingToken.newInstance(157, Set.of(150L, 152L));
        assertThat((TrackingToken) serializer.deserialize(serializer.serialize(token, byte[].class))).isEqualTo(token);
    }
}

package org.reserveledger.api.axon;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredTimestampTest {

    @Test
    void readsWhatAxonWritesAsAxonReadsIt() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++) {
            // From 1970 to 2100, to the nanosecond: Axon writes milliseconds.
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000_000));
            String stored = DateTimeUtils.formatInstant(instant);
            assertThat(StoredTimestamp.parse(stored)).as(stored)
                    .isEqualTo(DateTimeUtils.parseInstant(stored))
                    .isEqualTo(instant.truncatedTo(ChronoUnit.MILLIS));
        }
    }

    @Test
    void leavesEveryOtherFormToAxonsParser() {
        for (String stored : List.of("2026-12-04T18:09:40Z", "2026-12-04T18:09:40.753123Z", "2026-12-04T19:09:40.753+01:00",
                "2026-12-04T18:09:40.7531Z")) {
            assertThat(StoredTimestamp.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void refusesWhatAxonsParserRefuses() {
        for (String stored : List.of("2026-02-30T18:09:40.753Z", "2026-12-04T24:09:40.753Z", "2026-1a-04T18:09:40.753Z",
                "2026-12-04 18:09:40.753Z")) {
            assertThatThrownBy(() -> DateTimeUtils.parseInstant(stored)).as(stored).isInstanceOf(DateTimeException.class);
            assertThatThrownBy(() -> StoredTimestamp.parse(stored)).as(stored).isInstanceOf(DateTimeException.class);
        }
    }
}

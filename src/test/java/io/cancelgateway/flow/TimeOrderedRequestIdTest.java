package io.cancelgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedRequestIdTest {

    private static final Instant CREATED = Instant.parse("2026-11-22T10:15:30.123Z");

    @Test
    void isAVersion7UuidCarryingItsCreationTime() {
        UUID id = UUID.fromString(new TimeOrderedRequestId(Clock.fixed(CREATED, ZoneOffset.UTC)).next());

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(CREATED.toEpochMilli());
    }

    @Test
    void idsMadeLaterSortAfterEarlierOnes() {
        List<String> ids = new ArrayList<>();
        for (int second = 0; second < 50; second++) {
            Clock clock = Clock.fixed(CREATED.plusSeconds(second), ZoneOffset.UTC);
            ids.add(new TimeOrderedRequestId(clock).next());
        }

        assertThat(ids).isSorted();
    }

    @Test
    void idsMadeInTheSameMillisecondAreStillUnique() {
        TimeOrderedRequestId requestIds = new TimeOrderedRequestId(Clock.fixed(CREATED, ZoneOffset.UTC));
        HashSet<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(requestIds.next());
        }

        assertThat(ids).hasSize(100_000);
    }
}

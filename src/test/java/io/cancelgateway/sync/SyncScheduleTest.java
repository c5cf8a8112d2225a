package io.cancelgateway.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyncScheduleTest {

    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    final SyncSchedule schedule = new SyncSchedule(Duration.ofSeconds(30), Duration.ofMinutes(15));

    @ParameterizedTest(name = "after {0} checks wait {1}")
    @CsvSource({ "0, PT30S", "1, PT1M", "2, PT2M", "3, PT4M", "4, PT8M", "5, PT15M", "6, PT15M", "500, PT15M" })
    void theWaitDoublesUpToTheLongestInterval(int checksDone, Duration wait) {
        assertThat(schedule.interval(checksDone)).isEqualTo(wait);
        assertThat(schedule.nextCheck(checksDone, NOW, NOW.plus(Duration.ofDays(1)))).contains(NOW.plus(wait));
    }

    @Test
    void theFirstCheckIsTheFirstDelayAfterTheCancel() {
        assertThat(schedule.firstCheck(NOW, NOW.plus(Duration.ofHours(24)))).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void theLastCheckFallsOnTheDeadline() {
        Instant deadline = NOW.plusSeconds(100);

        assertThat(schedule.nextCheck(5, NOW, deadline)).contains(deadline);
        assertThat(schedule.firstCheck(NOW, NOW.plusSeconds(10))).isEqualTo(NOW.plusSeconds(10));
    }

    @Test
    void nothingIsCheckedOnceTheDeadlineHasCome() {
        assertThat(schedule.nextCheck(3, NOW, NOW)).isEmpty();
        assertThat(schedule.nextCheck(3, NOW, NOW.minusSeconds(1))).isEmpty();
    }
}

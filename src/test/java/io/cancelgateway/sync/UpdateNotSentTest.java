package io.cancelgateway.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpdateNotSentTest {

    private static final Instant FOLLOW_UNTIL = Instant.parse("2026-12-02T10:00:00Z");

    /** An EXPIRED result's update is found at the end of its following: a send failing then is tried again. */
    @ParameterizedTest(name = "failed at {0}: given up {1}")
    @CsvSource({ "2026-12-02T09:00:00Z, false", "2026-12-02T10:00:00Z, false", "2026-12-02T10:00:01Z, false",
            "2026-12-02T10:59:59Z, false", "2026-12-02T11:00:00Z, false", "2026-12-02T11:00:01Z, true",
            "2026-12-03T10:00:00Z, true" })
    void anUpdateIsGivenUpOnlyAnHourAfterItsFollowingEnded(String failedAt, boolean givenUp) {
        assertThat(UpdateNotSent.givenUp(FOLLOW_UNTIL, Instant.parse(failedAt))).isEqualTo(givenUp);
    }

    @ParameterizedTest(name = "failed at {0}")
    @CsvSource({ "2026-12-02T09:00:00Z", "2030-01-01T00:00:00Z" })
    void anUpdateOfAResultWithoutAnEndOfFollowingIsNeverGivenUp(String failedAt) {
        assertThat(UpdateNotSent.givenUp(null, Instant.parse(failedAt))).isFalse();
    }
}

package io.cancelgateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "[{index}] Retry-After: {0}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "3                              | 3000",
            "0000000000000000005            | 5000",
            "' 3600 '                       | 3600000",
            "0                              | 0",
            "Sat, 21 Nov 2026 10:00:04 GMT  | 4000",
            "Sat, 21 Nov 2026 09:00:00 GMT  | 0",
            "Saturday, 21-Nov-26 10:00:04 GMT | 4000",
            "Tue Dec  1 10:00:00 2026       | 864000000",
            "Sat Nov 21 09:00:00 2026       | 0",
            "soon                           | none",
            "-5                             | none",
            "none                           | none",
    })
    void readsSecondsAndHttpDates(String header, Long expectedMillis) {
        Optional<Duration> delay = RetryAfter.delay(header, CLOCK);

        assertThat(delay.map(Duration::toMillis)).isEqualTo(Optional.ofNullable(expectedMillis));
    }

    @Test
    void moreSecondsThanALongHoldsAreAWaitLongerThanAnyCap() {
        assertThat(RetryAfter.delay("99999999999999999999", CLOCK)).hasValueSatisfying(
                delay -> assertThat(delay).isGreaterThan(Duration.ofDays(365 * 1000)));
        assertThat(new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(10))
                .delayBefore(2, "99999999999999999999", CLOCK)).isEqualTo(Duration.ofSeconds(10));
    }
}

package io.cancelgateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeaseRequestedCheckTest {

    private static final Instant NOW = Instant.parse("2026-05-13T09:00:30Z");
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(10);

    /** The last check's end in seconds before NOW (negative: after it), empty for none. */
    @ParameterizedTest(name = "last check ended {0} s ago -> wait {1} ms")
    @CsvSource(delimiter = '|', textBlock = """
            # never checked
                    | 0
            # long enough ago
            10      | 0
            60      | 0
            10.001  | 0
            # too recent: the rest of the interval
            4       | 6000
            9.75    | 250
            0       | 10000
            # ended after this clock's now (another instance's clock ahead): the interval at most
            -2      | 10000
            -3600   | 10000
            """)
    void waitsTheRestOfTheIntervalSinceTheLastCheckEnded(String endedSecondsAgo, long waitMillis) {
        Optional<Instant> lastCheckEnd = Optional.ofNullable(endedSecondsAgo)
                .map(ago -> NOW.minusMillis(Math.round(Double.parseDouble(ago) * 1000)));

        assertThat(LeaseRequestedCheck.waitBeforeAskedCheck(lastCheckEnd, NOW, MIN_INTERVAL))
                .isEqualTo(Duration.ofMillis(waitMillis));
    }
}

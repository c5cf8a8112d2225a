package io.cancelgateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cancelgateway.journal.StoredAttempt;

class LeaseRequestedCheckTest {

    private static final Instant NOW = Instant.parse("2026-05-13T09:00:30Z");
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(10);

    /** attempts: {@code kind@started} separated by spaces, started as seconds before NOW. */
    @ParameterizedTest(name = "{0} -> wait {1} ms")
    @CsvSource(delimiter = '|', textBlock = """
            # no call made, or only the cancel's, recently
                                            | 0
            cancel@1                        | 0
            cancel@1 cancel@0.5             | 0
            # the last check long enough ago
            status@10                       | 0
            status@60                       | 0
            # the last check too recent: wait the rest of the interval
            status@4                        | 6000
            status@9.75                     | 250
            status@0                        | 10000
            # the latest check counts, whatever the order stored
            status@30 status@3              | 7000
            status@3 status@30              | 7000
            # a cancel attempt after the check does not count
            status@12 cancel@1              | 0
            # a check whose time is ahead of this clock (another instance's): the whole interval from it
            status@-2                       | 12000
            """)
    void waitsTheRestOfTheIntervalSinceTheLastStatusCheck(String attempts, long waitMillis) {
        assertThat(LeaseRequestedCheck.waitBeforeAskedCheck(parse(attempts), NOW, MIN_INTERVAL))
                .isEqualTo(Duration.ofMillis(waitMillis));
    }

    @ParameterizedTest(name = "{0} ms -> Retry-After {1}")
    @CsvSource({ "1, 1", "999, 1", "1000, 1", "1001, 2", "6000, 6", "9999, 10", "0, 1" })
    void retryAfterIsTheWaitInWholeSecondsRoundedUp(long waitMillis, long seconds) {
        assertThat(RestReply.seconds(Duration.ofMillis(waitMillis))).isEqualTo(seconds);
    }

    private static List<StoredAttempt> parse(String attempts) {
        List<StoredAttempt> parsed = new ArrayList<>();
        if (attempts == null) {
            return parsed;
        }
        int number = 0;
        for (String attempt : attempts.trim().split("\\s+")) {
            String[] kindAndAge = attempt.split("@");
            long agoMillis = Math.round(Double.parseDouble(kindAndAge[1]) * 1000);
            parsed.add(new StoredAttempt(kindAndAge[0], ++number, NOW.minusMillis(agoMillis).toString(), 200, 20, null,
                    null));
        }
        return parsed;
    }
}

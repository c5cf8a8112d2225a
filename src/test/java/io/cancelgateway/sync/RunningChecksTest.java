package io.cancelgateway.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunningChecksTest {

    /**
     * {@code running}: the checks already running, as provider=count; {@code startable}: how many more checks the
     * provider may start, one after the other, with nothing ending meanwhile.
     */
    @ParameterizedTest(name = "{0} places, running {1}: {2} may start {3}")
    @CsvSource(delimiter = '|', value = {
            // Three places kept for the three other providers, each with none running.
            "8 | -                                        | hyperswitch | 5",
            // A provider stalled with its 5: the next one may start one, keeping a place for each of the two idle.
            "8 | kwikpaisa=5                              | hyperswitch | 1",
            // Two stalled: the last two providers still have a place each.
            "8 | kwikpaisa=5 hyperswitch=1                | juspay-order | 1",
            "8 | kwikpaisa=5 hyperswitch=1 juspay-order=1 | juspay-payout | 1",
            "8 | kwikpaisa=5 hyperswitch=1 juspay-order=1 juspay-payout=1 | kwikpaisa | 0",
            // Every other provider running: the free places are anyone's.
            "8 | hyperswitch=1 juspay-order=1 juspay-payout=1 | kwikpaisa | 5",
            // Fewer places than providers: one place is kept free while any provider is idle.
            "2 | -                                        | kwikpaisa | 1",
            "1 | -                                        | kwikpaisa | 1",
            "1 | kwikpaisa=1                              | hyperswitch | 0",
    })
    void aProviderMayStartChecksWhileAPlaceIsLeftForEachIdleProvider(int concurrency, String running, String provider,
            int startable) {
        RunningChecks checks = new RunningChecks(concurrency);
        if (!running.equals("-")) {
            Arrays.stream(running.split(" ")).map(entry -> entry.split("=")).forEach(entry -> {
                for (int i = 0; i < Integer.parseInt(entry[1]); i++) {
                    checks.taken(entry[0]);
                }
            });
        }

        int started = 0;
        while (!checks.full(provider) && started < 100) {
            checks.taken(provider);
            started++;
        }

        assertThat(started).isEqualTo(startable);
    }

    @ParameterizedTest(name = "a check ending at {0} frees its place")
    @CsvSource({ "kwikpaisa", "hyperswitch" })
    void aCheckThatEndsGivesItsPlaceBack(String provider) {
        RunningChecks checks = new RunningChecks(8);
        for (int i = 0; i < 5; i++) {
            checks.taken(provider);
        }
        assertThat(checks.full(provider)).isTrue();
        assertThat(checks.free()).isEqualTo(3);

        checks.ended(provider, null);

        assertThat(checks.full(provider)).isFalse();
        assertThat(checks.free()).isEqualTo(4);
    }
}

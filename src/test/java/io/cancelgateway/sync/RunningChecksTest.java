package io.cancelgateway.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunningChecksTest {

    static final List<String> FOLLOWED = List.of("juspay-payout", "kwikpaisa", "hyperswitch");

    /**
     * {@code running}: the checks already running, as provider=count; {@code startable}: how many more checks the
     * provider may start, one after the other, with nothing ending meanwhile.
     */
    @ParameterizedTest(name = "{0} places, running {1}: {2} may start {3}")
    @CsvSource(delimiter = '|', value = {
            // Two places kept for the two other providers, each with none running.
            "8 | -                                | hyperswitch   | 6",
            // One provider stalled with its 6: each of the others may start one.
            "8 | kwikpaisa=6                      | hyperswitch   | 1",
            "8 | kwikpaisa=6 hyperswitch=1        | juspay-payout | 1",
            "8 | kwikpaisa=6 hyperswitch=1 juspay-payout=1 | kwikpaisa | 0",
            // Every other provider running: the free places are anyone's.
            "8 | hyperswitch=1 juspay-payout=1    | kwikpaisa     | 6",
            "8 | kwikpaisa=2 hyperswitch=1 juspay-payout=1 | hyperswitch | 4",
            // Fewer places than providers: a provider with none running takes a free place, the others' come first.
            "2 | -                                | kwikpaisa     | 1",
            "2 | kwikpaisa=1                      | hyperswitch   | 1",
            "3 | kwikpaisa=1                      | hyperswitch   | 1",
            "3 | kwikpaisa=1 hyperswitch=1        | juspay-payout | 1",
            "1 | -                                | kwikpaisa     | 1",
            "1 | kwikpaisa=1                      | hyperswitch   | 0",
    })
    void aProviderMayStartChecksWhileAPlaceIsLeftForEachIdleProvider(int concurrency, String running, String provider,
            int startable) {
        RunningChecks checks = new RunningChecks(concurrency, FOLLOWED);
        if (!running.equals("-")) {
            Arrays.stream(running.split(" +")).map(entry -> entry.split("=")).forEach(entry -> {
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

    @Test
    void aCheckThatEndsGivesItsPlaceBackToItsProvider() {
        RunningChecks checks = new RunningChecks(8, FOLLOWED);
        for (int i = 0; i < 6; i++) {
            checks.taken("kwikpaisa");
        }
        checks.taken("hyperswitch");
        assertThat(checks.full("kwikpaisa")).isTrue();
        assertThat(checks.free()).isEqualTo(1);

        checks.ended("hyperswitch", null);

        // Hyperswitch has none running again: the freed place is kept for it.
        assertThat(checks.free()).isEqualTo(2);
        assertThat(checks.full("kwikpaisa")).isTrue();
        assertThat(checks.full("hyperswitch")).isFalse();
        checks.ended("kwikpaisa", null);
        assertThat(checks.full("kwikpaisa")).isFalse();
    }

    @Test
    void aCheckEndingAtAProviderWithNoneRunningFreesNoPlace() {
        RunningChecks checks = new RunningChecks(2, FOLLOWED);
        checks.taken("kwikpaisa");

        checks.ended("hyperswitch", null);
        checks.ended(null, null);

        assertThat(checks.free()).isEqualTo(1);
    }

    @Test
    void eachPollLeasesFromTheNextProviderFirst() {
        RunningChecks checks = new RunningChecks(8, FOLLOWED);

        assertThat(checks.leaseOrder()).containsExactly("juspay-payout", "kwikpaisa", "hyperswitch");
        assertThat(checks.leaseOrder()).containsExactly("kwikpaisa", "hyperswitch", "juspay-payout");
        assertThat(checks.leaseOrder()).containsExactly("hyperswitch", "juspay-payout", "kwikpaisa");
        assertThat(checks.leaseOrder()).containsExactly("juspay-payout", "kwikpaisa", "hyperswitch");
    }
}

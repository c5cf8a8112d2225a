package io.cancelgateway.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.cancelgateway.call.ProviderCircuit.State;

/**
 * The circuit as a table: a script of events, one letter each, and the state and changes after it. Events: {@code f}
 * a failed call, {@code s} a successful one, {@code a} a call asked for (its answer: {@code +} allowed, {@code -}
 * refused), {@code x} a call let through that ended telling nothing, {@code w} waiting out the open time.
 */
class ProviderCircuitTest {

    private static final long OPEN_FOR = Duration.ofSeconds(30).toNanos();

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "a+                 | CLOSED    | ''",
            "ff                 | CLOSED    | ''",
            "fff                | OPEN      | CLOSED>OPEN",
            "fffa-              | OPEN      | CLOSED>OPEN",
            "ffsff              | CLOSED    | ''",
            "fffwa+             | HALF_OPEN | CLOSED>OPEN OPEN>HALF_OPEN",
            "fffwa+a-           | HALF_OPEN | CLOSED>OPEN OPEN>HALF_OPEN",
            "fffwa+s            | CLOSED    | CLOSED>OPEN OPEN>HALF_OPEN HALF_OPEN>CLOSED",
            "fffwa+f            | OPEN      | CLOSED>OPEN OPEN>HALF_OPEN HALF_OPEN>OPEN",
            "fffwa+fa-          | OPEN      | CLOSED>OPEN OPEN>HALF_OPEN HALF_OPEN>OPEN",
            "fffwa+fwa+s        | CLOSED    | CLOSED>OPEN OPEN>HALF_OPEN HALF_OPEN>OPEN OPEN>HALF_OPEN HALF_OPEN>CLOSED",
            "fffwa+xa+          | HALF_OPEN | CLOSED>OPEN OPEN>HALF_OPEN",
            "fffs               | CLOSED    | CLOSED>OPEN OPEN>CLOSED",
            "ffffff             | OPEN      | CLOSED>OPEN",
            "fffwa+sff          | CLOSED    | CLOSED>OPEN OPEN>HALF_OPEN HALF_OPEN>CLOSED",
            "fffwa+sfff         | OPEN      | CLOSED>OPEN OPEN>HALF_OPEN HALF_OPEN>CLOSED CLOSED>OPEN",
    })
    void opensAfterFailuresInARowAndClosesAfterASuccessfulTrial(String script, State expected, String changes) {
        List<String> seen = new ArrayList<>();
        ProviderCircuit circuit = new ProviderCircuit(3, Duration.ofNanos(OPEN_FOR),
                (from, to, failures) -> seen.add(from + ">" + to));
        long now = 0;
        for (int i = 0; i < script.length(); i++) {
            switch (script.charAt(i)) {
                case 'f' -> circuit.failed(now);
                case 's' -> circuit.succeeded();
                case 'x' -> circuit.abandoned();
                case 'w' -> now += OPEN_FOR;
                case 'a' -> {
                    boolean allowed = circuit.allowsCall(now);
                    assertThat(allowed).as("call asked for at %d of %s", i, script)
                            .isEqualTo(script.charAt(++i) == '+');
                }
                default -> throw new IllegalArgumentException(script);
            }
        }

        assertThat(circuit.state(now)).isEqualTo(expected);
        assertThat(String.join(" ", seen)).isEqualTo(changes);
    }

    @Test
    void staysOpenUntilTheOpenTimeHasPassed() {
        ProviderCircuit circuit = new ProviderCircuit(1, Duration.ofNanos(OPEN_FOR), (from, to, failures) -> { });
        circuit.failed(1_000);

        assertThat(circuit.allowsCall(1_000 + OPEN_FOR - 1)).isFalse();
        assertThat(circuit.allowsCall(1_000 + OPEN_FOR)).isTrue();
    }

    @Test
    void showsHalfOpenOnceItsOpenTimeIsOverThoughNoCallCameToTryIt() {
        // The gauge and the providers' health read it between calls: a provider nobody calls is not shown open.
        ProviderCircuit circuit = new ProviderCircuit(1, Duration.ofNanos(OPEN_FOR), (from, to, failures) -> { });
        circuit.failed(1_000);

        assertThat(circuit.state(1_000 + OPEN_FOR - 1)).isEqualTo(State.OPEN);
        assertThat(circuit.state(1_000 + OPEN_FOR)).isEqualTo(State.HALF_OPEN);
        assertThat(circuit.allowsCall(1_000 + OPEN_FOR)).as("the trial").isTrue();
        assertThat(circuit.allowsCall(1_000 + OPEN_FOR)).as("one trial at a time").isFalse();
    }

    @Test
    void needsAtLeastOneFailureToOpen() {
        assertThatThrownBy(() -> new ProviderCircuit(0, Duration.ofSeconds(1), (from, to, failures) -> { }))
                .hasMessageContaining("at least 1");
    }
}

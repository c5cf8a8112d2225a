package io.cancelgateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "missing-1, MISSING",
            "paid-1, PAID",
            "flaky-1, FLAKY",
            "down-1, DOWN",
            "slow-1, SLOW",
            "pending-1, PENDING",
            "order-1, NORMAL",
            "6116229263036, NORMAL",
            "MISSING-1, NORMAL",
            "x-missing-1, NORMAL",
            "missing, NORMAL"
    })
    void choosesTheScenarioFromThePrefix(String reference, Scenario expected) {
        assertThat(Scenario.of(reference)).isEqualTo(expected);
    }
}

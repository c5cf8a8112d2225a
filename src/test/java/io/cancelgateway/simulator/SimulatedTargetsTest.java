package io.cancelgateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SimulatedTargetsTest {

    private final SimulatedTargets targets = new SimulatedTargets(1_000);

    @Test
    void onlyOneOfManyConcurrentCancelsSucceeds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                attempts.add(() -> {
                    targets.recordCall(SimulatedApi.KWIKPAISA, "o-1");
                    return targets.cancel(SimulatedApi.KWIKPAISA, "o-1");
                });
            }
            int successes = 0;
            for (Future<Boolean> result : pool.invokeAll(attempts)) {
                successes += result.get() ? 1 : 0;
            }
            assertThat(successes).isEqualTo(1);
            assertThat(targets.calls(SimulatedApi.KWIKPAISA, "o-1")).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keepsProvidersApart() {
        targets.recordCall(SimulatedApi.JUSPAY_ORDER, "same");
        assertThat(targets.cancel(SimulatedApi.JUSPAY_ORDER, "same")).isTrue();

        assertThat(targets.cancel(SimulatedApi.HYPERSWITCH, "same")).isTrue();
        assertThat(targets.calls(SimulatedApi.JUSPAY_ORDER, "same")).isEqualTo(1);
        assertThat(targets.calls(SimulatedApi.HYPERSWITCH, "same")).isZero();
        assertThat(targets.calls(SimulatedApi.JUSPAY_PAYOUT, "never-called")).isZero();
    }

    @Test
    void failsAFlakyTargetOnlyOnce() {
        assertThat(targets.failOnce(SimulatedApi.HYPERSWITCH, "flaky-1")).isTrue();
        assertThat(targets.failOnce(SimulatedApi.HYPERSWITCH, "flaky-1")).isFalse();
        assertThat(targets.failOnce(SimulatedApi.HYPERSWITCH, "flaky-2")).isTrue();
    }

    @Test
    void forgetsTheOldestTargetsBeyondItsCapacity() {
        SimulatedTargets small = new SimulatedTargets(3);
        for (String reference : List.of("t-1", "t-2", "t-3", "t-4")) {
            small.recordCall(SimulatedApi.HYPERSWITCH, reference);
        }
        assertThat(small.calls(SimulatedApi.HYPERSWITCH, "t-1")).isZero();
        assertThat(small.calls(SimulatedApi.HYPERSWITCH, "t-2")).isEqualTo(1);
        assertThat(small.calls(SimulatedApi.HYPERSWITCH, "t-4")).isEqualTo(1);
        assertThat(small.cancel(SimulatedApi.HYPERSWITCH, "t-1")).as("forgotten, so cancellable again").isTrue();
    }

    @Test
    void refusesACapacityBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SimulatedTargets(0))
                .withMessageContaining("cancel.simulator.max-targets");
    }
}

package io.cancelgateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SimulatedTargetsTest {

    private static final Instant AT = Instant.parse("2026-05-13T03:44:00Z");

    private final SimulatedTargets targets = new SimulatedTargets(1_000);

    @Test
    void onlyOneOfManyConcurrentCancelsSucceeds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                attempts.add(() -> {
                    targets.recordCall(SimulatedApi.KWIKPAISA, "o-1");
                    return targets.cancel(SimulatedApi.KWIKPAISA, "o-1", AT);
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
        assertThat(targets.cancel(SimulatedApi.JUSPAY_ORDER, "same", AT)).isTrue();

        assertThat(targets.cancel(SimulatedApi.HYPERSWITCH, "same", AT)).isTrue();
        assertThat(targets.calls(SimulatedApi.JUSPAY_ORDER, "same")).isEqualTo(1);
        assertThat(targets.calls(SimulatedApi.HYPERSWITCH, "same")).isZero();
        assertThat(targets.calls(SimulatedApi.JUSPAY_PAYOUT, "never-called")).isZero();
    }

    @Test
    void keepsTheTimeOfTheCallThatCancelled() {
        assertThat(targets.cancelledAt(SimulatedApi.KWIKPAISA, "o-2")).isEmpty();

        targets.cancel(SimulatedApi.KWIKPAISA, "o-2", AT);
        targets.cancel(SimulatedApi.KWIKPAISA, "o-2", AT.plusSeconds(60));

        assertThat(targets.cancelledAt(SimulatedApi.KWIKPAISA, "o-2")).contains(AT);
        assertThat(targets.cancelledAt(SimulatedApi.HYPERSWITCH, "o-2")).isEmpty();
    }

    @Test
    void countsStatusCallsApartFromCancelCalls() {
        targets.recordCall(SimulatedApi.HYPERSWITCH, "pay-1");
        targets.recordStatusCall(SimulatedApi.HYPERSWITCH, "pay-1");
        targets.recordStatusCall(SimulatedApi.HYPERSWITCH, "pay-1");

        assertThat(targets.calls(SimulatedApi.HYPERSWITCH, "pay-1")).isEqualTo(1);
        assertThat(targets.statusCalls(SimulatedApi.HYPERSWITCH, "pay-1")).isEqualTo(2);
        assertThat(targets.statusCalls(SimulatedApi.HYPERSWITCH, "never-called")).isZero();
        assertThat(targets.cancelledAt(SimulatedApi.HYPERSWITCH, "pay-1")).as("counting cancels nothing").isEmpty();
    }

    @Test
    void failsAFlakyTargetsFirstStatusCallApartFromItsFirstCancel() {
        assertThat(targets.failOnce(SimulatedApi.HYPERSWITCH, "flaky-3")).isTrue();

        assertThat(targets.failStatusOnce(SimulatedApi.HYPERSWITCH, "flaky-3")).isTrue();
        assertThat(targets.failStatusOnce(SimulatedApi.HYPERSWITCH, "flaky-3")).isFalse();
        assertThat(targets.failOnce(SimulatedApi.HYPERSWITCH, "flaky-3")).isFalse();
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
        assertThat(small.cancel(SimulatedApi.HYPERSWITCH, "t-1", AT)).as("forgotten, so cancellable again").isTrue();
    }

    @Test
    void refusesACapacityBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SimulatedTargets(0))
                .withMessageContaining("cancel.simulator.max-targets");
    }
}

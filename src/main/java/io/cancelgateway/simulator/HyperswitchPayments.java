package io.cancelgateway.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the simulated Hyperswitch knows of a payment at a given moment, from its scenario and the cancel calls so far:
 * a payment never cancelled waits for capture ({@code requires_capture}), a {@code paid-} one has
 * {@code succeeded}, a cancelled one is {@code cancelled} from its cancel call on, or for a {@code pending-} one
 * {@code processing} until {@code cancel.simulator.pending-delay} after it. A forgotten payment is never cancelled.
 */
final class HyperswitchPayments {

    /** How old a payment is when its cancel call comes. */
    private static final Duration AGE_AT_CANCEL = Duration.ofMinutes(4);

    private final SimulatedTargets targets;
    private final Clock clock;
    private final Duration pendingDelay;

    /** A payment's intent status and times. */
    record PaymentState(String status, Instant created, Instant modified) {
    }

    HyperswitchPayments(SimulatedTargets targets, Clock clock, Duration pendingDelay) {
        this.targets = targets;
        this.clock = clock;
        this.pendingDelay = pendingDelay;
    }

    PaymentState state(String paymentId) {
        Instant now = clock.instant();
        Scenario scenario = Scenario.of(paymentId);
        if (scenario == Scenario.PAID) {
            return new PaymentState("succeeded", now.minus(AGE_AT_CANCEL), now);
        }
        Optional<Instant> cancelCall = targets.cancelledAt(SimulatedApi.HYPERSWITCH, paymentId);
        if (cancelCall.isEmpty()) {
            return new PaymentState("requires_capture", now.minus(AGE_AT_CANCEL), now.minus(AGE_AT_CANCEL));
        }
        Instant created = cancelCall.get().minus(AGE_AT_CANCEL);
        Instant cancelled = scenario == Scenario.PENDING ? cancelCall.get().plus(pendingDelay) : cancelCall.get();
        return now.isBefore(cancelled)
                ? new PaymentState("processing", created, cancelCall.get())
                : new PaymentState("cancelled", created, cancelled);
    }
}

package io.cancelgateway.call;

import java.util.concurrent.ScheduledExecutorService;

import io.cancelgateway.provider.ProviderSettings;

/**
 * What keeps one provider from hurting the others and from being called in vain: its bulkhead (at most
 * {@code max-concurrent-calls} calls in flight, a call waiting at most {@code max-queue-wait} for one) and its circuit
 * breaker.
 */
public final class ProviderGuard {

    private final CallSlots slots;
    private final ProviderCircuit circuit;
    private final long maxQueueWaitNanos;

    ProviderGuard(ProviderSettings settings, ScheduledExecutorService timer, ProviderCircuit.Changes changes) {
        this.slots = new CallSlots(settings.maxConcurrentCalls(), timer);
        this.circuit = new ProviderCircuit(settings.circuitFailures(), settings.circuitOpenFor(), changes);
        this.maxQueueWaitNanos = settings.maxQueueWait().toNanos();
    }

    ProviderCircuit circuit() {
        return circuit;
    }

    CallSlots slots() {
        return slots;
    }

    /** How long a call may wait for a slot: {@code max-queue-wait}, or less when the deadline comes first. */
    long slotWait(long deadline) {
        return Math.min(maxQueueWaitNanos, deadline - System.nanoTime());
    }

    void release() {
        slots.release();
    }
}

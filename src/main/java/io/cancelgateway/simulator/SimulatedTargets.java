package io.cancelgateway.simulator;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the simulated providers remember per provider and reference: how many cancel and status calls arrived, when
 * the target was cancelled and whether a flaky target has already failed a cancel or a status call once. Safe for
 * concurrent use. It remembers at most a given number of targets and forgets the oldest first, so that a long run (a
 * million-row file) is measured without the simulator's own memory growing in the same heap.
 */
public final class SimulatedTargets {

    private final int capacity;
    private final Map<TargetKey, TargetState> targets = new ConcurrentHashMap<>();
    private final Queue<TargetKey> oldestFirst = new ConcurrentLinkedQueue<>();

    public SimulatedTargets(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cancel.simulator.max-targets must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** How many targets it remembers at most. */
    int capacity() {
        return capacity;
    }

    /** Counts a cancel call that named the reference, whatever it was answered. */
    public void recordCall(SimulatedApi api, String reference) {
        state(api, reference).recordCall();
    }

    public int calls(SimulatedApi api, String reference) {
        TargetState state = targets.get(new TargetKey(api, reference));
        return state == null ? 0 : state.calls();
    }

    /** Counts a status call that named the reference, whatever it was answered. */
    public void recordStatusCall(SimulatedApi api, String reference) {
        state(api, reference).recordStatusCall();
    }

    public int statusCalls(SimulatedApi api, String reference) {
        TargetState state = targets.get(new TargetKey(api, reference));
        return state == null ? 0 : state.statusCalls();
    }

    /**
     * True only for the call that cancels the target, whose time is kept; every later call finds it already
     * cancelled.
     */
    boolean cancel(SimulatedApi api, String reference, Instant at) {
        return state(api, reference).cancel(at);
    }

    /** When the call that cancelled the target came; empty when none did or the target is forgotten. */
    Optional<Instant> cancelledAt(SimulatedApi api, String reference) {
        TargetState state = targets.get(new TargetKey(api, reference));
        return state == null ? Optional.empty() : state.cancelledAt();
    }

    /** True only the first time, so that a flaky target fails exactly one cancel call. */
    boolean failOnce(SimulatedApi api, String reference) {
        return state(api, reference).failOnce();
    }

    /** True only the first time, so that a flaky target fails exactly one status call too. */
    boolean failStatusOnce(SimulatedApi api, String reference) {
        return state(api, reference).failStatusOnce();
    }

    private TargetState state(SimulatedApi api, String reference) {
        TargetKey key = new TargetKey(api, reference);
        TargetState known = targets.get(key);
        if (known != null) {
            return known;
        }
        TargetState created = new TargetState();
        TargetState raced = targets.putIfAbsent(key, created);
        if (raced != null) {
            return raced;
        }
        oldestFirst.add(key);
        while (targets.size() > capacity) {
            TargetKey oldest = oldestFirst.poll();
            if (oldest == null) {
                break;
            }
            targets.remove(oldest);
        }
        return created;
    }

    private record TargetKey(SimulatedApi api, String reference) {
    }

    private static final class TargetState {
        private int calls;
        private int statusCalls;
        private Instant cancelledAt;
        private boolean failed;
        private boolean statusFailed;

        synchronized void recordCall() {
            calls++;
        }

        synchronized int calls() {
            return calls;
        }

        synchronized void recordStatusCall() {
            statusCalls++;
        }

        synchronized int statusCalls() {
            return statusCalls;
        }

        synchronized boolean cancel(Instant at) {
            boolean first = cancelledAt == null;
            if (first) {
                cancelledAt = at;
            }
            return first;
        }

        synchronized Optional<Instant> cancelledAt() {
            return Optional.ofNullable(cancelledAt);
        }

        synchronized boolean failOnce() {
            boolean first = !failed;
            failed = true;
            return first;
        }

        synchronized boolean failStatusOnce() {
            boolean first = !statusFailed;
            statusFailed = true;
            return first;
        }
    }
}

package io.cancelgateway.simulator;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the simulated providers remember per provider and reference: how many cancel calls arrived, whether the target
 * is cancelled and whether a flaky target has already failed once. Safe for concurrent use. It remembers at most a
 * given number of targets and forgets the oldest first, so that a long run (a million-row file) is measured without
 * the simulator's own memory growing in the same heap.
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

    /** Counts a cancel call that named the reference, whatever it was answered. */
    public void recordCall(SimulatedApi api, String reference) {
        state(api, reference).recordCall();
    }

    public int calls(SimulatedApi api, String reference) {
        TargetState state = targets.get(new TargetKey(api, reference));
        return state == null ? 0 : state.calls();
    }

    /** True only for the call that cancels the target; every later call finds it already cancelled. */
    boolean cancel(SimulatedApi api, String reference) {
        return state(api, reference).cancel();
    }

    /** True only the first time, so that a flaky target fails exactly once. */
    boolean failOnce(SimulatedApi api, String reference) {
        return state(api, reference).failOnce();
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
        private boolean cancelled;
        private boolean failed;

        synchronized void recordCall() {
            calls++;
        }

        synchronized int calls() {
            return calls;
        }

        synchronized boolean cancel() {
            boolean first = !cancelled;
            cancelled = true;
            return first;
        }

        synchronized boolean failOnce() {
            boolean first = !failed;
            failed = true;
            return first;
        }
    }
}

package io.cancelgateway.call;

import java.time.Duration;

/**
 * One provider's circuit breaker: after {@code failures} failed calls in a row (no answer, or a server error) it opens,
 * and calls are refused without being made for {@code openFor}; then one trial call is let through, whose outcome
 * closes it again or opens it for another {@code openFor}. Any answer that is not a server error is a success: the
 * provider is there and answering. Thread-safe; times are {@link System#nanoTime()} readings.
 */
public final class ProviderCircuit {

    /** The circuit's states, numbered as the {@code cancel_provider_circuit_state} gauge shows them. */
    public enum State {
        CLOSED(0), OPEN(1), HALF_OPEN(2);

        private final int gauge;

        State(int gauge) {
            this.gauge = gauge;
        }

        public int gauge() {
            return gauge;
        }
    }

    /** Told of every change of state, once. */
    @FunctionalInterface
    public interface Changes {
        void changed(State from, State to, int failuresInARow);
    }

    private final int failures;
    private final long openForNanos;
    private final Changes changes;

    private State state = State.CLOSED;
    private int failuresInARow;
    private long openUntil;
    private boolean trialInFlight;

    public ProviderCircuit(int failures, Duration openFor, Changes changes) {
        if (failures < 1) {
            throw new IllegalArgumentException("a circuit must open after at least 1 failure, was " + failures);
        }
        this.failures = failures;
        this.openForNanos = openFor.toNanos();
        this.changes = changes;
    }

    /** Whether a call may be made now; in the half-open state only the one trial call may. */
    public synchronized boolean allowsCall(long now) {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (now - openUntil < 0) {
                    return false;
                }
                moveTo(State.HALF_OPEN);
                trialInFlight = true;
                return true;
            default:
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
        }
    }

    /** The provider answered (anything but a server error). */
    public synchronized void succeeded() {
        failuresInARow = 0;
        trialInFlight = false;
        if (state != State.CLOSED) {
            moveTo(State.CLOSED);
        }
    }

    /** The call got no answer, or a server error. */
    public synchronized void failed(long now) {
        failuresInARow++;
        trialInFlight = false;
        if (state == State.HALF_OPEN || state == State.CLOSED && failuresInARow >= failures) {
            openUntil = now + openForNanos;
            moveTo(State.OPEN);
        }
    }

    /** A call that was let through ended without telling anything about the provider: the trial may be made again. */
    public synchronized void abandoned() {
        trialInFlight = false;
    }

    /**
     * The state as a call made now would find it: an open circuit whose open time is over lets the next call through
     * as its trial, so it shows half-open (the gauge and the health check read it between calls, when none may come).
     */
    public synchronized State state(long now) {
        return state == State.OPEN && now - openUntil >= 0 ? State.HALF_OPEN : state;
    }

    private void moveTo(State next) {
        State previous = state;
        state = next;
        changes.changed(previous, next, failuresInARow);
    }
}

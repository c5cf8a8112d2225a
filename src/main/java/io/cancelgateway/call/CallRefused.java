package io.cancelgateway.call;

/**
 * An attempt the gateway did not make: the provider's circuit is open, all its calls are in flight, or the cancel's
 * deadline has passed. The cancel ends as a retryable ERROR saying so.
 */
public final class CallRefused extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean timedOut;

    CallRefused(String reason, boolean timedOut) {
        // Routine under load or an outage, and never looked at for its stack.
        super(reason, null, false, false);
        this.timedOut = timedOut;
    }

    /** Whether the cancel ran out of time (its deadline), which REST answers with 504. */
    boolean timedOut() {
        return timedOut;
    }
}

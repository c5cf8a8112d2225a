package io.cancelgateway.simulator;

/** What the simulated provider does with a reference, chosen by the reference's prefix. */
enum Scenario {
    /** The provider does not know the target. */
    MISSING("missing-"),
    /** The target is in a state that cannot be cancelled (paid, charged, succeeded). */
    PAID("paid-"),
    /** The first call fails with 503, later calls behave normally. */
    FLAKY("flaky-"),
    /** Every call fails with 500. */
    DOWN("down-"),
    /** Behaves normally after a configured wait. */
    SLOW("slow-"),
    /**
     * The cancel is accepted but takes effect only {@code cancel.simulator.pending-delay} later: Hyperswitch answers
     * {@code processing} until then. The other providers treat it as a plain reference.
     */
    PENDING("pending-"),
    NORMAL("");

    private final String prefix;

    Scenario(String prefix) {
        this.prefix = prefix;
    }

    static Scenario of(String reference) {
        if (reference == null) {
            return NORMAL;
        }
        for (Scenario scenario : values()) {
            if (scenario != NORMAL && reference.startsWith(scenario.prefix)) {
                return scenario;
            }
        }
        return NORMAL;
    }
}

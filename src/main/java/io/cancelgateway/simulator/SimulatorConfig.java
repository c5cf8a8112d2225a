package io.cancelgateway.simulator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The simulator's settings under {@code cancel.simulator.*}. Every value has a default so that the application starts
 * whether or not the simulator is configured; the keys are documented development values, not real credentials.
 */
@ConfigMapping(prefix = "cancel.simulator")
public interface SimulatorConfig {

    /** Off unless a profile turns it on: production must never answer provider calls itself. */
    boolean enabled();

    /** Added to every simulated provider answer. */
    long latencyMs();

    /** How long {@code slow-} references wait before their answer. */
    long slowMs();

    /** How many provider targets the simulator remembers (calls, cancelled or not); the oldest is forgotten first. */
    @WithDefault("100000")
    int maxTargets();

    /** How long after its cancel call a Juspay payout fulfillment shows CANCELLED in its order (PENDING before). */
    @WithDefault("10s")
    Duration payoutCancelDelay();

    /** How long after its cancel call a {@code pending-} Hyperswitch payment turns cancelled (processing before). */
    @WithDefault("10s")
    Duration pendingDelay();

    Juspay juspay();

    Kwikpaisa kwikpaisa();

    Hyperswitch hyperswitch();

    interface Juspay {
        @WithDefault("sim_juspay_key")
        String apiKey();
    }

    interface Kwikpaisa {
        @WithDefault("pk_sim_kwikpaisa")
        String apiKey();

        @WithDefault("sk_sim_kwikpaisa")
        String secretKey();
    }

    interface Hyperswitch {
        @WithDefault("snd_sim_hyperswitch")
        String apiKey();
    }
}

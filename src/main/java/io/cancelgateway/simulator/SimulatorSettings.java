package io.cancelgateway.simulator;

import java.time.Duration;

/**
 * Plain settings for the simulator, so that it can be mounted on any router without Quarkus configuration.
 * Negative delays count as none here; the service refuses them at start ({@code SettingRanges}).
 */
public record SimulatorSettings(
        long latencyMs,
        long slowMs,
        Duration payoutCancelDelay,
        Duration pendingDelay,
        String juspayApiKey,
        String kwikPaisaApiKey,
        String kwikPaisaSecretKey,
        String hyperswitchApiKey) {

    public SimulatorSettings {
        latencyMs = Math.max(0, latencyMs);
        slowMs = Math.max(0, slowMs);
        payoutCancelDelay = payoutCancelDelay.isNegative() ? Duration.ZERO : payoutCancelDelay;
        pendingDelay = pendingDelay.isNegative() ? Duration.ZERO : pendingDelay;
    }

    public static SimulatorSettings from(SimulatorConfig config) {
        return new SimulatorSettings(
                config.latencyMs(),
                config.slowMs(),
                config.payoutCancelDelay(),
                config.pendingDelay(),
                config.juspay().apiKey(),
                config.kwikpaisa().apiKey(),
                config.kwikpaisa().secretKey(),
                config.hyperswitch().apiKey());
    }

    /** Leaves the keys out: settings may end up in logs. */
    @Override
    public String toString() {
        return "SimulatorSettings[latencyMs=" + latencyMs + ", slowMs=" + slowMs + ", payoutCancelDelay="
                + payoutCancelDelay + ", pendingDelay=" + pendingDelay + "]";
    }
}

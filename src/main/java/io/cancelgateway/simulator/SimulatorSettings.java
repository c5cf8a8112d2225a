package io.cancelgateway.simulator;

/**
 * Plain settings for the simulator, so that it can be mounted on any router without Quarkus configuration.
 * Negative delays count as none.
 */
public record SimulatorSettings(
        long latencyMs,
        long slowMs,
        String juspayApiKey,
        String kwikPaisaApiKey,
        String kwikPaisaSecretKey,
        String hyperswitchApiKey) {

    public SimulatorSettings {
        latencyMs = Math.max(0, latencyMs);
        slowMs = Math.max(0, slowMs);
    }

    public static SimulatorSettings from(SimulatorConfig config) {
        return new SimulatorSettings(
                config.latencyMs(),
                config.slowMs(),
                config.juspay().apiKey(),
                config.kwikpaisa().apiKey(),
                config.kwikpaisa().secretKey(),
                config.hyperswitch().apiKey());
    }

    /** Leaves the keys out: settings may end up in logs. */
    @Override
    public String toString() {
        return "SimulatorSettings[latencyMs=" + latencyMs + ", slowMs=" + slowMs + "]";
    }
}

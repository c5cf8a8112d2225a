package io.cancelgateway.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One channel's figures, or the baseline's: throughput against the baseline (direct calls to the simulated provider)
 * and against the ideal {@code concurrency / latency}; latency percentiles where each request is timed on its own
 * (baseline, REST); what the service process spent, and of it what the gateway itself spent per cancel (the channel's
 * CPU per cancel less the baseline's), and the share of that CPU the JVM's JIT compilers took (a phase measured before
 * the service's code was compiled would count compiling as serving). Null where a figure does not apply or was not
 * measured.
 */
record ChannelFigures(
        String channel,
        boolean measured,
        String note,
        Integer cancels,
        Integer errors,
        Double seconds,
        Double throughput,
        Double baseline,
        Double ratio,
        Integer concurrency,
        Double ideal,
        Double ratioToIdeal,
        Double p50Ms,
        Double p95Ms,
        Double p99Ms,
        Double addedP50Ms,
        Double addedP99Ms,
        @JsonProperty("cpu_seconds_per_1000") Double cpuSecondsPer1000,
        Double gatewayCpuMsPerCancel,
        Double peakRssMb,
        @JsonProperty("client_cpu_seconds_per_1000") Double clientCpuSecondsPer1000,
        Double jitShare) {

    static ChannelFigures notMeasured(String channel, String why) {
        return new ChannelFigures(channel, false, why, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /**
     * Figures of a run of {@code cancels} answered cancels in {@code reading}'s time, at {@code concurrency} in flight
     * against a provider answering after {@code latencyMs}; {@code baseline} is null for the baseline itself.
     */
    static ChannelFigures of(String channel, String note, int cancels, int errors, double seconds,
            PhaseMeter.Reading reading, ChannelFigures baseline, int concurrency, int latencyMs,
            LatencyPercentiles percentiles) {
        double throughput = cancels / seconds;
        Double baselineThroughput = baseline == null ? Double.valueOf(throughput) : baseline.throughput();
        Double ideal = latencyMs == 0 ? null : concurrency * 1000.0 / latencyMs;
        Double addedP50 = null;
        Double addedP99 = null;
        if (baseline != null && percentiles != null && baseline.p50Ms() != null) {
            addedP50 = percentiles.p50Ms() - baseline.p50Ms();
            addedP99 = percentiles.p99Ms() - baseline.p99Ms();
        }
        Double cpu = finite(reading.cpuSecondsPer1000(cancels));
        // The gateway's own CPU per cancel: what the channel cost beyond the simulated provider the baseline measured
        // in the same process (CPU seconds per 1,000 are CPU milliseconds per one).
        Double gatewayCpu = baseline == null || cpu == null || baseline.cpuSecondsPer1000() == null ? null
                : cpu - baseline.cpuSecondsPer1000();
        return new ChannelFigures(channel, true, note, cancels, errors, seconds, throughput, baselineThroughput,
                ratio(throughput, baselineThroughput), concurrency, ideal, ratio(throughput, ideal),
                percentiles == null ? null : percentiles.p50Ms(), percentiles == null ? null : percentiles.p95Ms(),
                percentiles == null ? null : percentiles.p99Ms(), addedP50, addedP99, cpu, gatewayCpu,
                reading.peakRssMb(),
                finite(reading.clientCpuSeconds() / (cancels / 1000.0)), reading.compilerShare());
    }

    /** {@code value / reference}, or null when either is unknown or the reference is not above zero. */
    static Double ratio(Double value, Double reference) {
        if (value == null || reference == null || !(reference > 0)) {
            return null;
        }
        return finite(value / reference);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}

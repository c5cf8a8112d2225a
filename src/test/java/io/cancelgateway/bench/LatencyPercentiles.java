package io.cancelgateway.bench;

import java.util.Arrays;

/** Percentiles of a set of request latencies, by the nearest-rank method, in milliseconds. */
record LatencyPercentiles(double p50Ms, double p95Ms, double p99Ms) {

    static LatencyPercentiles of(long[] latenciesNanos) {
        if (latenciesNanos.length == 0) {
            throw new IllegalArgumentException("no latencies to take percentiles of");
        }
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        return new LatencyPercentiles(millis(sorted, 50), millis(sorted, 95), millis(sorted, 99));
    }

    /** The smallest latency that at least {@code percent} percent of the requests did not exceed. */
    static long nearestRank(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static double millis(long[] sorted, double percent) {
        return nearestRank(sorted, percent) / 1_000_000.0;
    }
}

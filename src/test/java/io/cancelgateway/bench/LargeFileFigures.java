package io.cancelgateway.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A large file through a service with a fixed heap and no provider latency: time to its complete results file, the
 * heap it needed (sampled from the service's metrics) and what the process spent.
 */
record LargeFileFigures(
        int rows,
        int heapLimitMb,
        double seconds,
        double rowsPerSecond,
        double heapUsedMaxMb,
        Double liveHeapAfterGcMaxMb,
        @JsonProperty("cpu_seconds_per_1000") double cpuSecondsPer1000,
        double peakRssMb,
        boolean completeAndInOrder,
        String outOfMemory) {
}

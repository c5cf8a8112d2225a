package io.cancelgateway.bench;

import java.util.List;

/** Everything one run measured: what {@code latest.json} holds, the table and the chart show. */
record BenchmarkReport(RunConditions run, ServiceFigures service, List<ChannelFigures> channels,
        QuietLatency quietLatency, LargeFileFigures largeFile, String largeFileNote, List<Goal> goals) {

    /** How the run was made: its parameters and the machine's state, which the figures depend on. */
    record RunConditions(
            String startedAt,
            boolean quick,
            int requests,
            int concurrency,
            int latencyMs,
            int warmUpRequests,
            int fileRows,
            int fileConcurrency,
            int jmsRequests,
            int largeFileRows,
            int cores,
            String loadAverageBefore,
            String loadAverageAfterChannels,
            String loadAverageAfter,
            String javaVersion,
            List<String> serviceJvmOptions,
            String journal,
            String peakRssMethod) {
    }
}

package io.cancelgateway.bench;

import java.util.Locale;

/** The report as the table printed on standard output and shown in the README. */
final class ResultsTable {

    private static final String ROW = "%-9s %8s %7s %8s %6s %6s %6s %7s %7s %7s %7s %7s %7s %7s %7s %6s%n";

    private ResultsTable() {
    }

    static String format(BenchmarkReport report) {
        BenchmarkReport.RunConditions run = report.run();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "cancel-gateway benchmark %s: %d cores, load average %s before, %s after "
                + "the channels, %s at the end%n", run.startedAt(), run.cores(), run.loadAverageBefore(),
                run.loadAverageAfterChannels(), run.loadAverageAfter()));
        out.append(String.format(Locale.ROOT,
                "simulated provider latency %d ms, concurrency %d (file %d), %d requests after warm-up rounds of %d, "
                        + "%d file rows; service JVM options: %s; journal: %s%n%n",
                run.latencyMs(), run.concurrency(), run.fileConcurrency(), run.requests(), run.warmUpRequests(),
                run.fileRows(), run.serviceJvmOptions().isEmpty() ? "none" : String.join(" ", run.serviceJvmOptions()),
                run.journal()));
        out.append(String.format(Locale.ROOT, ROW, "channel", "cancels", "time s", "per s", "ratio", "ideal",
                "of id.", "p50 ms", "p95 ms", "p99 ms", "+p50 ms", "+p99 ms", "cpu s/k", "gw ms", "RSS MB", "jit %"));
        for (ChannelFigures channel : report.channels()) {
            if (!channel.measured()) {
                out.append(String.format(Locale.ROOT, "%-9s not measured: %s%n", channel.channel(), channel.note()));
                continue;
            }
            out.append(String.format(Locale.ROOT, ROW, channel.channel(), number(channel.cancels()),
                    decimal(channel.seconds(), 1), decimal(channel.throughput(), 0), decimal(channel.ratio(), 2),
                    decimal(channel.ideal(), 0), decimal(channel.ratioToIdeal(), 2), decimal(channel.p50Ms(), 1),
                    decimal(channel.p95Ms(), 1), decimal(channel.p99Ms(), 1), decimal(channel.addedP50Ms(), 1),
                    decimal(channel.addedP99Ms(), 1), decimal(channel.cpuSecondsPer1000(), 2),
                    decimal(channel.gatewayCpuMsPerCancel(), 2), decimal(channel.peakRssMb(), 0),
                    channel.jitShare() == null ? "-" : decimal(100 * channel.jitShare(), 0)));
        }
        for (ChannelFigures channel : report.channels()) {
            if (channel.measured() && channel.errors() != null && channel.errors() > 0) {
                out.append(String.format(Locale.ROOT, "%s: %d errors, e.g. %s%n", channel.channel(), channel.errors(),
                        channel.note()));
            }
        }
        QuietLatency quiet = report.quietLatency();
        if (quiet != null) {
            out.append(String.format(Locale.ROOT, "%nat concurrency %d (%,d requests each): baseline p50 %.1f ms, REST "
                    + "p50 %.1f ms, added %.1f ms%n", quiet.concurrency(), quiet.requests(), quiet.baselineP50Ms(),
                    quiet.restP50Ms(), quiet.addedP50Ms()));
        }
        ServiceFigures service = report.service();
        out.append(String.format(Locale.ROOT, "%nstartup to ready %.2f s (Quarkus: started in %s s); idle RSS %.0f MB "
                + "after %.0f s idle%n", service.startupToReadySeconds(), decimal(service.quarkusStartedSeconds(), 2),
                service.idleRssMb(), service.idleSeconds()));
        out.append(largeFile(report));
        out.append(String.format(Locale.ROOT, "%ngoals%n"));
        for (Goal goal : report.goals()) {
            out.append(String.format(Locale.ROOT, "  %-48s %8s  %s%n", goal.goal(), decimal(goal.value(), 2),
                    goal.met() == null ? "not measured" : goal.met() ? "met" : "MISSED"));
        }
        out.append(String.format(Locale.ROOT, "%nratio: throughput / baseline (direct calls to the simulated provider, "
                + "same concurrency); ideal: concurrency / latency; of id.: throughput / ideal; +p50/+p99: latency "
                + "added over the baseline; cpu s/k: service CPU seconds per 1,000 cancels (the in-process simulator "
                + "included); gw ms: the gateway's own CPU milliseconds per cancel (cpu s/k less the baseline's); RSS MB: "
                + "%s; jit %%: the JVM's JIT compiler threads' share of the service's CPU in the phase%n",
                run.peakRssMethod()));
        return out.toString();
    }

    private static String largeFile(BenchmarkReport report) {
        LargeFileFigures large = report.largeFile();
        if (large == null) {
            return String.format(Locale.ROOT, "large file: not measured: %s%n", report.largeFileNote());
        }
        return String.format(Locale.ROOT, "large file: %s rows with -Xmx%dm and no provider latency: %.0f s "
                + "(%.0f rows/s)%s; heap in use max %.0f MB, live after GC max %s MB; cpu s/k %.2f; peak RSS %.0f MB%s%n",
                number(large.rows()), large.heapLimitMb(), large.seconds(), large.rowsPerSecond(),
                large.completeAndInOrder() ? ", every row answered in order" : ", RESULTS INCOMPLETE",
                large.heapUsedMaxMb(), decimal(large.liveHeapAfterGcMaxMb(), 0), large.cpuSecondsPer1000(),
                large.peakRssMb(), large.outOfMemory() == null ? "" : "; " + large.outOfMemory());
    }

    private static String number(Integer value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%,d", value);
    }

    static String decimal(Double value, int places) {
        return value == null ? "-" : String.format(Locale.ROOT, "%." + places + "f", value);
    }
}

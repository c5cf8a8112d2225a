package io.cancelgateway.bench;

import java.util.List;

/** Reports as a run produces them, for the tests of what is written from them. */
final class SampleReports {

    static final QuietLatency QUIET = QuietLatency.of(4, 2_000, 21.4, 23.9);

    private SampleReports() {
    }

    /** Baseline, REST and file measured; JMS not; the large file measured when {@code largeFile}. */
    static BenchmarkReport withoutJms(boolean largeFile) {
        PhaseMeter.Reading reading = new PhaseMeter.Reading(8, 12.0, 310.0, 2.0, 0.6);
        ChannelFigures baseline = ChannelFigures.of("baseline", null, 20_000, 0, 6.5, reading, null, 64, 20,
                new LatencyPercentiles(20.4, 21.9, 24.8));
        ChannelFigures rest = ChannelFigures.of("rest", null, 20_000, 0, 16.0, reading, baseline, 64, 20,
                new LatencyPercentiles(35.2, 60.1, 80.7));
        ChannelFigures file = ChannelFigures.of("file", "100000 result rows, 100000 in order", 100_000, 0, 60.0,
                reading, baseline, 64, 20, null);
        List<ChannelFigures> channels = List.of(baseline, rest, file,
                ChannelFigures.notMeasured("jms", "the packaged service has no JMS channel"));
        ServiceFigures service = new ServiceFigures(2.6, 1.9, 190.0, 5);
        LargeFileFigures large = largeFile
                ? new LargeFileFigures(1_000_000, 256, 600.0, 1_666.7, 250.0, 120.0, 1.1, 480.0, true, null)
                : null;
        return new BenchmarkReport(new BenchmarkReport.RunConditions("2026-05-13 09:14", false, 20_000, 64, 20, 2_000,
                100_000, 64, 20_000, largeFile ? 1_000_000 : 0, 2, "0.10 0.20 0.30", "1.50 0.90 0.50", "1.90 1.20 0.70", "17.0.15",
                List.of(), "embedded H2 (the default)", "highest VmRSS sampled"), service, channels, QUIET, large,
                largeFile ? null : "--skip-large-file", Goal.evaluate(channels, QUIET, service));
    }
}

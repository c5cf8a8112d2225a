package io.cancelgateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntFunction;

import io.cancelgateway.packaged.InboxFiles;
import io.cancelgateway.packaged.PackagedService;

/**
 * The measured phases against one running service: the baseline (the simulated provider called directly), then each
 * channel sending the same kind of request (a Hyperswitch payment cancel, a new reference each time) through the
 * gateway to that same simulator.
 */
final class ChannelPhases {

    static final String API_KEY = "bench-key";
    private static final String SIMULATOR_API_KEY = "snd_sim_hyperswitch";

    private final BenchmarkSettings settings;
    private final PackagedService service;
    private final Path dataDir;
    private final ProcessGauges gauges;
    private final FlightRecordings recordings;
    private final StringBuilder profiles = new StringBuilder();

    ChannelPhases(BenchmarkSettings settings, PackagedService service, Path dataDir, FlightRecordings recordings) {
        this.settings = settings;
        this.service = service;
        this.dataDir = dataDir;
        this.gauges = new ProcessGauges(service.pid());
        this.recordings = recordings;
    }

    /**
     * Both paths at the same concurrency, unmeasured, until the service runs compiled code for them (a round of
     * {@code warmUpRequests} each, see {@link WarmUp}).
     */
    String warmUp() throws Exception {
        ClosedLoopLoad load = load();
        return WarmUp.untilCompiled(gauges, warmUpTime(), round -> {
            String prefix = "bench-warm-" + round + "-";
            load.run(settings.warmUpRequests(), i -> direct(prefix + "base-" + i), 200);
            load.run(settings.warmUpRequests(), i -> throughGateway(prefix + "rest-" + i), 200);
        });
    }

    /** Files of {@code warmUpRequests} rows through the inbox until the file channel's code is compiled. */
    String warmUpFile() throws Exception {
        return WarmUp.untilCompiled(gauges, warmUpTime(), round -> {
            String name = "bench-warm-" + round + ".csv";
            InboxFiles.drop(dataDir, name, "hyperswitch", name.replace(".csv", "-"), settings.warmUpRequests());
            awaitFile(dataDir.resolve("outbox").resolve(name.replace(".csv", ".results.csv")),
                    atMost(settings.warmUpRequests(), settings.fileConcurrency()));
        });
    }

    /** Rounds of {@code warmUpRequests} JMS requests until the JMS channel's code is compiled. */
    String warmUpJms() throws Exception {
        JmsLoad load = new JmsLoad(settings.jmsUrl(), settings.jmsUser(), settings.jmsPassword());
        return WarmUp.untilCompiled(gauges, warmUpTime(), round -> {
            String prefix = "bench-warm-jms-" + round + "-";
            load.run(settings.warmUpRequests(), i -> "{\"provider\":\"hyperswitch\",\"reference\":\"" + prefix + i
                    + "\"}", atMost(settings.warmUpRequests(), settings.concurrency()));
        });
    }

    private Duration warmUpTime() {
        return settings.quick() ? Duration.ofSeconds(20) : Duration.ofMinutes(3);
    }

    ChannelFigures baseline() throws Exception {
        return timed("baseline", null, i -> direct("bench-base-" + i));
    }

    ChannelFigures rest(ChannelFigures baseline) throws Exception {
        return timed("rest", baseline, i -> throughGateway("bench-rest-" + i));
    }

    /**
     * The baseline and REST again at {@link BenchmarkSettings#QUIET_CONCURRENCY}, where no request waits for a core:
     * the difference of their medians is what the gateway adds to a cancel by itself.
     */
    QuietLatency quiet() throws InterruptedException {
        ClosedLoopLoad load = new ClosedLoopLoad("localhost", service.port, BenchmarkSettings.QUIET_CONCURRENCY);
        ClosedLoopLoad.Outcome baseline = load.run(settings.quietRequests(), i -> direct("bench-quiet-base-" + i), 200);
        ClosedLoopLoad.Outcome rest = load.run(settings.quietRequests(), i -> throughGateway("bench-quiet-rest-" + i),
                200);
        if (baseline.latenciesNanos().length == 0 || rest.latenciesNanos().length == 0) {
            throw new IllegalStateException("quiet latency: no request succeeded, e.g. "
                    + (baseline.firstError() != null ? baseline.firstError() : rest.firstError()));
        }
        return QuietLatency.of(BenchmarkSettings.QUIET_CONCURRENCY, settings.quietRequests(),
                baseline.percentiles().p50Ms(), rest.percentiles().p50Ms());
    }

    /** A file of {@code fileRows} rows renamed into the inbox, timed from then until its results file is published. */
    ChannelFigures file(ChannelFigures baseline) throws Exception {
        String name = "bench-" + settings.fileRows() + ".csv";
        Path results = dataDir.resolve("outbox").resolve(name.replace(".csv", ".results.csv"));
        begin("file");
        PhaseMeter meter = PhaseMeter.start(gauges);
        InboxFiles.drop(dataDir, name, "hyperswitch", "bench-file-", settings.fileRows());
        long started = System.nanoTime();
        awaitFile(results, atMost(settings.fileRows(), settings.fileConcurrency()));
        double seconds = (System.nanoTime() - started) / 1e9;
        PhaseMeter.Reading reading = meter.stop();
        end("file");
        ResultsFile.Summary summary = ResultsFile.summarize(results);
        return ChannelFigures.of("file", summary.describe(), settings.fileRows(), summary.errors(settings.fileRows()),
                seconds, reading, baseline, settings.fileConcurrency(), settings.latencyMs(), null);
    }

    /** {@code jmsRequests} requests queued on the JMS channel; timed until the last result arrives. */
    ChannelFigures jms(ChannelFigures baseline) throws Exception {
        JmsLoad load = new JmsLoad(settings.jmsUrl(), settings.jmsUser(), settings.jmsPassword());
        begin("jms");
        PhaseMeter meter = PhaseMeter.start(gauges);
        JmsLoad.Outcome outcome = load.run(settings.jmsRequests(),
                i -> "{\"provider\":\"hyperswitch\",\"reference\":\"bench-jms-" + i + "\"}",
                atMost(settings.jmsRequests(), settings.concurrency()));
        PhaseMeter.Reading reading = meter.stop();
        end("jms");
        int cancelled = outcome.outcomes().getOrDefault("CANCELLED", 0);
        return ChannelFigures.of("jms", "results " + outcome.outcomes(), outcome.results(),
                outcome.sent() - cancelled, outcome.seconds(), reading, baseline, settings.concurrency(),
                settings.latencyMs(), null);
    }

    /** The hottest methods of every phase recorded, when profiling. */
    String profiles() {
        return profiles.toString();
    }

    private ChannelFigures timed(String phase, ChannelFigures baseline,
            IntFunction<HttpCall> request) throws Exception {
        ClosedLoopLoad load = load();
        begin(phase);
        PhaseMeter meter = PhaseMeter.start(gauges);
        ClosedLoopLoad.Outcome outcome = load.run(settings.requests(), request, 200);
        PhaseMeter.Reading reading = meter.stop();
        end(phase);
        int answered = outcome.latenciesNanos().length;
        if (answered == 0) {
            throw new IllegalStateException(phase + ": no request succeeded, e.g. " + outcome.firstError());
        }
        return ChannelFigures.of(phase, outcome.firstError(), answered, outcome.errors(),
                outcome.elapsedNanos() / 1e9, reading, baseline, settings.concurrency(), settings.latencyMs(),
                outcome.percentiles());
    }

    private ClosedLoopLoad load() {
        return new ClosedLoopLoad("localhost", service.port, settings.concurrency());
    }

    private static HttpCall direct(String reference) {
        return new HttpCall("/simulator/hyperswitch/payments/" + reference + "/cancel",
                Map.of("api-key", SIMULATOR_API_KEY, "Accept", "application/json"), "{}");
    }

    private static HttpCall throughGateway(String reference) {
        return new HttpCall("/api/v1/cancellations", Map.of("X-Api-Key", API_KEY),
                "{\"provider\":\"hyperswitch\",\"reference\":\"" + reference + "\"}");
    }

    private void begin(String phase) throws IOException, InterruptedException {
        if (recordings != null) {
            recordings.start(phase);
        }
    }

    private void end(String phase) throws IOException, InterruptedException {
        if (recordings != null) {
            Path recording = recordings.stop(phase);
            profiles.append(HotMethods.of(recording, 15).format(phase + " (" + recording + ")")).append('\n');
        }
    }

    private void awaitFile(Path results, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!Files.exists(results)) {
            if (!service.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("no results file " + results + " within " + atMost
                        + (service.isAlive() ? "" : ": the service died"));
            }
            Thread.sleep(20);
        }
    }

    /** Twenty times the ideal time, and two minutes more: a slow run is still measured, a stuck one ends. */
    private Duration atMost(int count, int concurrency) {
        double idealSeconds = count * Math.max(settings.latencyMs(), 1) / 1000.0 / concurrency;
        return Duration.ofSeconds((long) (idealSeconds * 20) + 120);
    }

    static Map<String, String> serviceProperties(BenchmarkSettings settings, int port, Path dataDir, boolean jms)
            throws IOException {
        Map<String, String> properties = PackagedService.withSimulator(port);
        properties.put("cancel.api.keys", API_KEY);
        properties.put("cancel.data-dir", dataDir.toString());
        properties.put("cancel.simulator.latency-ms", String.valueOf(settings.latencyMs()));
        // The benchmark renames complete files into the inbox, so nothing needs to settle.
        properties.put("cancel.file.settle", "0s");
        properties.put("cancel.file.concurrency", String.valueOf(settings.fileConcurrency()));
        if (jms) {
            properties.put("quarkus.artemis.url", settings.jmsUrl());
            properties.put("quarkus.artemis.username", settings.jmsUser());
            properties.put("quarkus.artemis.password", settings.jmsPassword());
            properties.put("cancel.jms.concurrent-consumers", String.valueOf(settings.concurrency()));
            properties.put("cancel.jms.max-concurrent-consumers", String.valueOf(settings.concurrency()));
        }
        if (settings.journalUrl() != null) {
            properties.put("quarkus.datasource.jdbc.url", settings.journalUrl());
            if (settings.journalUser() != null) {
                properties.put("quarkus.datasource.username", settings.journalUser());
            }
            if (settings.journalPassword() != null) {
                properties.put("quarkus.datasource.password", settings.journalPassword());
            }
        }
        return properties;
    }
}

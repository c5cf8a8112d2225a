package io.cancelgateway.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cancelgateway.packaged.DirectoryTree;
import io.cancelgateway.packaged.InboxFiles;
import io.cancelgateway.packaged.PackagedService;

/**
 * {@code bench/run}: starts the packaged service against its own simulator, measures startup, idle memory, the
 * baseline and every channel, then a large file in a service with a fixed heap; prints the table and writes
 * {@code latest.json}, {@code latest.svg} and their dated copies. Progress goes to standard error, the table to
 * standard output.
 */
public final class BenchmarkCommand {

    private static final Pattern QUARKUS_STARTED = Pattern.compile("\\(powered by Quarkus [^)]*\\) started in ([0-9.]+)s");
    private static final Pattern BROKER_ADDRESS = Pattern.compile("tcp://([^:/?,()]+):(\\d+)");
    private static final int LARGE_FILE_HEAP_MB = 256;
    private static final String PEAK_RSS_METHOD = "highest VmRSS of the service process, sampled every 100 ms during "
            + "the phase";

    private final BenchmarkSettings settings;
    private final Path quarkusApp;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private BenchmarkCommand(BenchmarkSettings settings, Path quarkusApp) {
        this.settings = settings;
        this.quarkusApp = quarkusApp;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(BenchmarkSettings.USAGE);
            return;
        }
        BenchmarkSettings settings;
        try {
            settings = BenchmarkSettings.parse(args);
        } catch (IllegalArgumentException wrongUsage) {
            System.err.println(wrongUsage.getMessage());
            System.exit(2);
            return;
        }
        Path jar = Path.of(System.getProperty("cancel.packaged-app", "target/quarkus-app/quarkus-run.jar"));
        try {
            new BenchmarkCommand(settings, jar.toAbsolutePath().getParent()).run();
        } catch (IllegalStateException | IllegalArgumentException cannotMeasure) {
            System.err.println("[bench] " + cannotMeasure.getMessage());
            System.exit(1);
        }
    }

    private void run() throws Exception {
        LocalDateTime now = LocalDateTime.now();
        String loadBefore = loadAverage();
        Optional<String> noJms = JmsLoad.unavailableBecause(quarkusApp);
        if (noJms.isEmpty()) {
            refuseTakenBrokerPort();
        }
        List<ChannelFigures> channels = new ArrayList<>();
        QuietLatency[] quiet = new QuietLatency[1];
        StringBuilder profiles = new StringBuilder();
        ServiceFigures service = measureChannels(noJms, channels, quiet, profiles);
        String loadAfterChannels = loadAverage();
        LargeFileFigures largeFile = null;
        if (settings.largeFile()) {
            largeFile = measureLargeFile(profiles);
        }
        BenchmarkReport report = new BenchmarkReport(
                new BenchmarkReport.RunConditions(now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                        settings.quick(), settings.requests(), settings.concurrency(), settings.latencyMs(),
                        settings.warmUpRequests(), settings.fileRows(), settings.fileConcurrency(),
                        settings.jmsRequests(), settings.largeFileRows(), Runtime.getRuntime().availableProcessors(),
                        loadBefore, loadAfterChannels, loadAverage(), System.getProperty("java.version"),
                        settings.jvmOptions(), settings.journal(),
                        PEAK_RSS_METHOD),
                service, channels, quiet[0], largeFile, largeFile == null ? "--skip-large-file" : null,
                Goal.evaluate(channels, quiet[0], service));
        write(report, now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")));
        System.out.print(ResultsTable.format(report));
        if (settings.profile()) {
            System.out.print("\n" + profiles);
        }
    }

    private ServiceFigures measureChannels(Optional<String> noJms, List<ChannelFigures> channels,
            QuietLatency[] quiet, StringBuilder profiles) throws Exception {
        Path dataDir = Files.createTempDirectory("cancel-bench-");
        int port = PackagedService.freePort();
        Map<String, String> properties = ChannelPhases.serviceProperties(settings, port, dataDir, noJms.isEmpty());
        settleBeforeStartup(port);
        progress("starting the service (JVM options: %s)", settings.jvmOptions());
        long started = System.nanoTime();
        List<String> jvmOptions = jvmOptions(settings.jvmOptions());
        if (settings.profile()) {
            jvmOptions.add("-XX:StartFlightRecording=name=startup,settings=profile");
        }
        try (PackagedService service = PackagedService.start(jvmOptions, properties)) {
            stopOnInterrupt(service);
            try {
                service.awaitReady(Duration.ofMinutes(2));
                double startup = (System.nanoTime() - started) / 1e9;
                FlightRecordings recordings = recordings(service);
                if (recordings != null) {
                    Path recording = recordings.stop("startup");
                    profiles.append(HotMethods.of(recording, 15).format("startup (" + recording + ")")).append('\n');
                }
                double idleSeconds = settings.quick() ? 2 : 5;
                Thread.sleep((long) (idleSeconds * 1000));
                ServiceFigures figures = new ServiceFigures(startup, quarkusStarted(service.output()),
                        new ProcessGauges(service.pid()).rssMb(), idleSeconds);
                progress("ready in %.2f s, idle RSS %.0f MB", startup, figures.idleRssMb());
                ChannelPhases phases = new ChannelPhases(settings, service, dataDir, recordings);
                progress("warming up: rounds of %d requests direct and %d through the gateway",
                        settings.warmUpRequests(), settings.warmUpRequests());
                progress("warmed up: %s", phases.warmUp());
                progress("baseline: %d requests at concurrency %d", settings.requests(), settings.concurrency());
                ChannelFigures baseline = phases.baseline();
                channels.add(baseline);
                progress("rest: %d requests at concurrency %d", settings.requests(), settings.concurrency());
                channels.add(phases.rest(baseline));
                progress("warming up the file channel: files of %d rows", settings.warmUpRequests());
                progress("warmed up: %s", phases.warmUpFile());
                progress("file: %d rows at cancel.file.concurrency %d", settings.fileRows(),
                        settings.fileConcurrency());
                channels.add(phases.file(baseline));
                if (noJms.isEmpty()) {
                    progress("warming up the JMS channel: rounds of %d requests", settings.warmUpRequests());
                    progress("warmed up: %s", phases.warmUpJms());
                    progress("jms: %d requests", settings.jmsRequests());
                    channels.add(phases.jms(baseline));
                } else {
                    progress("jms: not measured: %s", noJms.get());
                    channels.add(ChannelFigures.notMeasured("jms", noJms.get()));
                }
                progress("quiet: %d requests each, direct and through the gateway, at concurrency %d",
                        settings.quietRequests(), BenchmarkSettings.QUIET_CONCURRENCY);
                quiet[0] = phases.quiet();
                profiles.append(phases.profiles());
                return figures;
            } catch (Exception failed) {
                System.err.println("the service's log ends with:\n" + tail(service.output(), 60));
                throw failed;
            }
        } finally {
            DirectoryTree.delete(dataDir);
        }
    }

    /**
     * Startup is measured on a quiet machine, not against the benchmark's own start: this JVM loads and compiles its
     * HTTP client and its other classes while the service would be starting, on the same two cores. Asking the
     * closed port once loads the client's classes; then the benchmark waits until its own compiler threads are idle.
     */
    private void settleBeforeStartup(int port) throws InterruptedException {
        try {
            client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException nothingListensYet) {
            // as intended
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long cpu = ownCpuNanos();
        do {
            Thread.sleep(500);
            long now = ownCpuNanos();
            // Under 5 % of a core over half a second: nothing of the benchmark's own start is left running.
            if (now - cpu < Duration.ofMillis(25).toNanos()) {
                return;
            }
            cpu = now;
        } while (System.nanoTime() < deadline);
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private LargeFileFigures measureLargeFile(StringBuilder profiles) throws Exception {
        Path dataDir = Files.createTempDirectory("cancel-bench-large-");
        int port = PackagedService.freePort();
        Map<String, String> properties = ChannelPhases.serviceProperties(settings, port, dataDir, false);
        properties.put("cancel.simulator.latency-ms", "0");
        properties.remove("cancel.file.concurrency");
        // A million INFO lines would measure the log more than the file channel.
        properties.put("quarkus.log.category.\"io.cancelgateway.cancel\".level", "WARN");
        progress("large file: %d rows with -Xmx%dm and no provider latency", settings.largeFileRows(),
                LARGE_FILE_HEAP_MB);
        try (PackagedService service = PackagedService.start(jvmOptions(List.of("-Xmx" + LARGE_FILE_HEAP_MB + "m")),
                properties)) {
            stopOnInterrupt(service);
            try {
                service.awaitReady(Duration.ofMinutes(2));
                FlightRecordings recordings = recordings(service);
                if (recordings != null) {
                    recordings.start("large-file");
                }
                HeapSampler heap = HeapSampler.start(client, service.uri("/q/metrics"));
                PhaseMeter meter = PhaseMeter.start(new ProcessGauges(service.pid()));
                String name = "large.csv";
                InboxFiles.drop(dataDir, name, "hyperswitch", "bench-large-", settings.largeFileRows());
                long started = System.nanoTime();
                Path results = dataDir.resolve("outbox").resolve("large.results.csv");
                Duration atMost = Duration.ofMinutes(5).plusMillis(3L * settings.largeFileRows());
                long deadline = started + atMost.toNanos();
                while (!Files.exists(results)) {
                    if (!service.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("no results file for the large file within " + atMost
                                + (service.isAlive() ? "" : ": the service died"));
                    }
                    Thread.sleep(100);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                PhaseMeter.Reading reading = meter.stop();
                HeapSampler.Reading heapUsed = heap.stop();
                if (recordings != null) {
                    Path recording = recordings.stop("large-file");
                    profiles.append(HotMethods.of(recording, 15).format("large-file (" + recording + ")"));
                }
                if (settings.profile()) {
                    profiles.append("large-file: live heap at the end, by class\n")
                            .append(new Jcmd(service.pid()).liveHeapHistogram(16));
                }
                ResultsFile.Summary summary = ResultsFile.summarize(results);
                String output = service.output();
                return new LargeFileFigures(settings.largeFileRows(), LARGE_FILE_HEAP_MB, seconds,
                        settings.largeFileRows() / seconds, heapUsed.maxUsedMb(),
                        heapUsed.maxLiveAfterGcMb() > 0 ? heapUsed.maxLiveAfterGcMb() : null,
                        reading.cpuSecondsPer1000(settings.largeFileRows()), reading.peakRssMb(),
                        summary.complete(settings.largeFileRows()),
                        output.contains("OutOfMemoryError") ? "OutOfMemoryError in the service's log" : null);
            } catch (Exception failed) {
                System.err.println("the service's log ends with:\n" + tail(service.output(), 60));
                throw failed;
            }
        } finally {
            DirectoryTree.delete(dataDir);
        }
    }

    private List<String> jvmOptions(List<String> options) {
        List<String> all = new ArrayList<>(options);
        if (settings.profile()) {
            // The flow's stacks are deep (Camel, Vert.x, JDBC): the default depth of 64 would cut their callers off.
            all.add("-XX:FlightRecorderOptions:stackdepth=256");
        }
        return all;
    }

    private FlightRecordings recordings(PackagedService service) throws IOException {
        return settings.profile() ? new FlightRecordings(service.pid(), Path.of("target", "bench")) : null;
    }

    /** The embedded broker would fail to start on a taken port, or the benchmark would measure another service. */
    private void refuseTakenBrokerPort() {
        Matcher address = BROKER_ADDRESS.matcher(settings.jmsUrl());
        if (!address.find()) {
            throw new IllegalArgumentException("--jms-url " + settings.jmsUrl() + " names no tcp://host:port");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.group(1), Integer.parseInt(address.group(2))), 1000);
        } catch (IOException free) {
            return;
        }
        throw new IllegalStateException("something already listens on " + address.group() + ": stop it or pass "
                + "--jms-url tcp://localhost:<a free port>");
    }

    private void write(BenchmarkReport report, String stamp) throws IOException {
        Path directory = Files.createDirectories(settings.resultsDir());
        String json = ReportJson.write(report);
        String svg = ThroughputChart.svg(report);
        Files.writeString(directory.resolve("latest.json"), json, StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("latest.svg"), svg, StandardCharsets.UTF_8);
        Files.writeString(directory.resolve(stamp + ".json"), json, StandardCharsets.UTF_8);
        Files.writeString(directory.resolve(stamp + ".svg"), svg, StandardCharsets.UTF_8);
        progress("wrote %s and %s, and their copies %s.json/.svg", directory.resolve("latest.json"),
                directory.resolve("latest.svg"), directory.resolve(stamp));
    }

    static Double quarkusStarted(String log) {
        Matcher started = QUARKUS_STARTED.matcher(log);
        return started.find() ? Double.valueOf(started.group(1)) : null;
    }

    private static void stopOnInterrupt(PackagedService service) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (service.isAlive()) {
                try {
                    service.close();
                } catch (Exception alreadyStopping) {
                    // The benchmark is exiting anyway.
                }
            }
        }));
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
    }

    private static void progress(String format, Object... values) {
        System.err.printf("[bench] " + format + "%n", values);
    }
}

package io.cancelgateway.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What one benchmark run measures and how hard: the command line of {@code bench/run}. */
record BenchmarkSettings(
        boolean quick,
        int requests,
        int concurrency,
        int latencyMs,
        int fileRows,
        int fileConcurrency,
        int jmsRequests,
        int largeFileRows,
        String jmsUrl,
        String jmsUser,
        String jmsPassword,
        int quietRequests,
        String journalUrl,
        String journalUser,
        String journalPassword,
        List<String> jvmOptions,
        boolean profile,
        Path resultsDir) {

    /** Where nothing queues: what REST adds to a cancel is then the gateway's own work, not a wait for a core. */
    static final int QUIET_CONCURRENCY = 4;

    static final String USAGE = """
            Usage: bench/run [options]
              --quick                  small numbers for a smoke run (about a minute)
              --requests N             REST and baseline requests, and JMS requests unless --jms-requests (20000)
              --concurrency C          requests in flight at once (64)
              --latency-ms L           the simulated provider's latency (20)
              --file-rows R            rows of the CSV file (100000)
              --file-concurrency F     cancel.file.concurrency of the service (the concurrency)
              --jms-requests J         requests queued on the JMS channel (the requests)
              --large-file-rows M      rows of the large file, run with -Xmx256m and no latency (1000000)
              --skip-large-file        leave out the large file
              --jms-url URL            broker the service listens on and the benchmark sends to (tcp://localhost:61616)
              --jms-user U             broker user (bench)
              --jms-password P         broker password (bench)
              --quiet-requests Q       requests of the baseline and of REST at concurrency 4, for REST's added p50
                                       where nothing queues (2000)
              --journal-url URL        the journal's database (the embedded H2 when absent), e.g.
                                       jdbc:postgresql://127.0.0.1:5432/bench: use a database of its own, it is filled
              --journal-user U         its user
              --journal-password P     its password
              --jvm-options "..."      JVM options of the measured service (none: as `java -jar` runs it)
              --profile                record each phase with Java Flight Recorder and print its hottest methods
              --results DIR            where latest.json, latest.svg and the dated copies go (bench/results)
            """;

    static BenchmarkSettings parse(String... args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        int requests = quick ? 2_000 : 20_000;
        int concurrency = 64;
        int latencyMs = 20;
        int fileRows = quick ? 5_000 : 100_000;
        Integer fileConcurrency = null;
        Integer jmsRequests = null;
        int largeFileRows = quick ? 20_000 : 1_000_000;
        String jmsUrl = "tcp://localhost:61616";
        String jmsUser = "bench";
        String jmsPassword = "bench";
        int quietRequests = quick ? 500 : 2_000;
        String journalUrl = null;
        String journalUser = null;
        String journalPassword = null;
        List<String> jvmOptions = List.of();
        boolean profile = false;
        Path resultsDir = Path.of("bench", "results");
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--quick" -> {
                }
                case "--skip-large-file" -> largeFileRows = 0;
                case "--profile" -> profile = true;
                case "--requests" -> requests = positive(option, value(args, ++i, option));
                case "--concurrency" -> concurrency = positive(option, value(args, ++i, option));
                case "--latency-ms" -> latencyMs = notNegative(option, value(args, ++i, option));
                case "--file-rows" -> fileRows = positive(option, value(args, ++i, option));
                case "--file-concurrency" -> fileConcurrency = positive(option, value(args, ++i, option));
                case "--jms-requests" -> jmsRequests = positive(option, value(args, ++i, option));
                case "--large-file-rows" -> largeFileRows = positive(option, value(args, ++i, option));
                case "--jms-url" -> jmsUrl = value(args, ++i, option);
                case "--jms-user" -> jmsUser = value(args, ++i, option);
                case "--jms-password" -> jmsPassword = value(args, ++i, option);
                case "--quiet-requests" -> quietRequests = positive(option, value(args, ++i, option));
                case "--journal-url" -> journalUrl = value(args, ++i, option);
                case "--journal-user" -> journalUser = value(args, ++i, option);
                case "--journal-password" -> journalPassword = value(args, ++i, option);
                case "--jvm-options" -> jvmOptions = words(value(args, ++i, option));
                case "--results" -> resultsDir = Path.of(value(args, ++i, option));
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        return new BenchmarkSettings(quick, requests, concurrency, latencyMs, fileRows,
                fileConcurrency == null ? concurrency : fileConcurrency, jmsRequests == null ? requests : jmsRequests,
                largeFileRows, jmsUrl, jmsUser, jmsPassword, quietRequests, journalUrl, journalUser, journalPassword,
                jvmOptions, profile, resultsDir);
    }

    /** Requests of one warm-up round (see {@link WarmUp}): a fifth of the run, at most 2,000. */
    int warmUpRequests() {
        return Math.min(2_000, Math.max(1, requests / 5));
    }

    boolean largeFile() {
        return largeFileRows > 0;
    }

    /** The journal's database as the report names it: its URL without credentials, or the embedded default. */
    String journal() {
        return journalUrl == null ? "embedded H2 (the default)" : journalUrl.replaceAll("password=[^&;]*", "password=…");
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[index];
    }

    private static int positive(String option, String text) {
        int value = number(option, text);
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be above 0, not " + text);
        }
        return value;
    }

    private static int notNegative(String option, String text) {
        int value = number(option, text);
        if (value < 0) {
            throw new IllegalArgumentException(option + " must not be negative, not " + text);
        }
        return value;
    }

    private static int number(String option, String text) {
        try {
            return Integer.parseInt(text.replace("_", "").replace(",", ""));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(option + " needs a whole number, not " + text);
        }
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }
}

package io.cancelgateway.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service killed in the middle of a file: at restart the file is processed again, rows already final are replayed
 * (not sent to the provider again) and the results file holds every row once.
 */
class FileChannelCrashIT {

    private static final int ROWS = 600;

    @Test
    void aStopInTheMiddleOfAFileStartsNoMoreRowsAndLeavesItToTheNextStart(@TempDir Path dataDir) throws Exception {
        // 3,000 rows at 100 ms, 16 at a time: about 19 s of calls, far beyond the stop.
        try (HyperswitchStub provider = HyperswitchStub.start(100)) {
            Map<String, String> properties = PackagedService.withSimulator(dataDir);
            properties.putAll(provider.providerConfiguration());
            properties.put("cancel.file.settle", "200ms");
            int rows = 3_000;

            try (PackagedService first = PackagedService.start(properties)) {
                first.awaitReady(Duration.ofSeconds(60));
                InboxFiles.drop(dataDir, "stopped.csv", "hyperswitch", "pay_stop_", rows);
                await().atMost(Duration.ofSeconds(60)).until(() -> provider.callsPerReference().size() >= 100);
                long stopping = System.nanoTime();
                first.stop(Duration.ofSeconds(60));
                // Going on with the file, the stop would last its remaining 18 s of calls or Camel's 45 s timeout.
                assertThat(Duration.ofNanos(System.nanoTime() - stopping)).as("the stop waits for the rows in flight "
                        + "only").isLessThan(Duration.ofSeconds(15));
                assertThat(first.output()).contains("file name=stopped.csv left in the inbox: the service is stopping");
            }
            assertThat(dataDir.resolve("inbox").resolve("stopped.csv")).exists();
            assertThat(dataDir.resolve("outbox").resolve("stopped.results.csv")).doesNotExist();
            int calledBeforeTheStop = provider.callsPerReference().size();
            assertThat(calledBeforeTheStop).isLessThan(rows / 2);

            try (PackagedService second = PackagedService.start(properties)) {
                second.awaitReady(Duration.ofSeconds(60));
                Path results = InboxFiles.awaitResults(dataDir, "stopped.csv", Duration.ofSeconds(120));
                List<String> replayed = new ArrayList<>();
                long count = InboxFiles.eachResult(results, row -> {
                    assertThat(row.get("outcome")).isEqualTo("CANCELLED");
                    if (Boolean.parseBoolean(row.get("replayed"))) {
                        replayed.add(row.get("reference"));
                    }
                });
                assertThat(count).isEqualTo(rows);
                assertThat(replayed).as("the rows answered before the stop").hasSize(calledBeforeTheStop);
                assertThat(provider.callsPerReference()).hasSize(rows).allSatisfy((reference, calls) ->
                        assertThat(calls).as(reference).isEqualTo(1L));
            }
        }
    }

    @Test
    void aFileInterruptedByACrashIsFinishedAtRestartWithoutResendingFinalRows(@TempDir Path dataDir) throws Exception {
        Map<String, String> properties = PackagedService.withSimulator(dataDir);
        // The 450 rows after the first 150 are seconds of calls (16 at a time), so the kill comes in the middle.
        properties.put("cancel.simulator.latency-ms", "150");
        properties.put("cancel.file.settle", "200ms");
        // Rows in flight at the crash are finished once their claims go stale.
        PackagedService.claimsStaleAfter(properties, Duration.ofSeconds(5), Duration.ofSeconds(4));

        try (PackagedService first = PackagedService.start(properties)) {
            first.awaitReady(Duration.ofSeconds(60));
            InboxFiles.drop(dataDir, "crash.csv", "hyperswitch", "pay_crash_", ROWS);
            CancellationsApi api = new CancellationsApi(first, "it-key");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                    api.get("/api/v1/cancellations?channel=file&limit=500").json().get("items").size() >= 150);
            first.kill();
        }
        assertThat(dataDir.resolve("inbox").resolve("crash.csv")).as("the interrupted file stays in the inbox")
                .exists();
        assertThat(dataDir.resolve("outbox").resolve("crash.results.csv")).doesNotExist();

        try (PackagedService second = PackagedService.start(properties)) {
            second.awaitReady(Duration.ofSeconds(60));
            Path results = InboxFiles.awaitResults(dataDir, "crash.csv", Duration.ofSeconds(120));
            CancellationsApi api = new CancellationsApi(second, "it-key");
            List<String> replayed = new ArrayList<>();
            List<Integer> rows = new ArrayList<>();
            long count = InboxFiles.eachResult(results, row -> {
                rows.add(Integer.parseInt(row.get("row")));
                assertThat(row.get("outcome")).isEqualTo("CANCELLED");
                if (Boolean.parseBoolean(row.get("replayed"))) {
                    replayed.add(row.get("reference"));
                }
            });
            assertThat(count).isEqualTo(ROWS);
            assertThat(rows).isSorted().doesNotHaveDuplicates();
            assertThat(replayed).as("rows final before the crash").hasSizeGreaterThanOrEqualTo(150);
            for (String reference : replayed) {
                assertThat(api.simulatedCalls("hyperswitch", reference)).as(reference).isZero();
            }
            assertThat(dataDir.resolve("inbox").resolve(".done").resolve("crash.csv")).exists();
            assertThat(Files.exists(dataDir.resolve("inbox").resolve("crash.csv"))).isFalse();
        }
    }
}

package io.cancelgateway.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files at scale on the packaged service with a 256 MB heap ({@link PackagedService} runs it with -Xmx256m): a
 * 1,000,000-row file completes, every row answered in order. Durations are printed, not asserted: speed goals belong
 * to the benchmark.
 */
class LargeFileIT {

    @Test
    void fiveThousandRowsAtTwentyMillisecondsProviderLatency(@TempDir Path dataDir) throws Exception {
        long millis = process(dataDir, 5_000, 20, Duration.ofMinutes(5));
        System.out.printf("LargeFileIT: 5,000 rows at 20 ms provider latency completed in %.1f s%n", millis / 1000.0);
    }

    @Test
    void aMillionRowFileCompletesWithA256MegabyteHeap(@TempDir Path dataDir) throws Exception {
        long millis = process(dataDir, 1_000_000, 0, Duration.ofMinutes(45));
        System.out.printf("LargeFileIT: 1,000,000 rows with -Xmx256m completed in %.1f s (%.0f rows/s)%n",
                millis / 1000.0, 1_000_000 / (millis / 1000.0));
    }

    private static long process(Path dataDir, int rows, int latencyMs, Duration atMost) throws Exception {
        int port = PackagedService.freePort();
        Map<String, String> properties = PackagedService.withSimulator(port);
        properties.put("quarkus.http.port", String.valueOf(port));
        properties.put("cancel.data-dir", dataDir.toString());
        properties.put("cancel.simulator.latency-ms", String.valueOf(latencyMs));
        properties.put("cancel.file.settle", "200ms");
        properties.put("quarkus.log.category.\"io.cancelgateway.cancel\".level", "WARN");
        try (PackagedService service = PackagedService.start(properties)) {
            service.awaitReady(Duration.ofSeconds(60));
            long started = System.nanoTime();
            InboxFiles.drop(dataDir, "large.csv", "hyperswitch", "pay_large_", rows);
            Path results = InboxFiles.awaitResults(dataDir, "large.csv", atMost);
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            AtomicLong expectedRow = new AtomicLong(1);
            long count = InboxFiles.eachResult(results, row -> {
                assertThat(Long.parseLong(row.get("row"))).isEqualTo(expectedRow.getAndIncrement());
                assertThat(row.get("outcome")).isEqualTo("CANCELLED");
            });
            assertThat(count).isEqualTo(rows);
            assertThat(service.output()).doesNotContain("OutOfMemoryError");
            return millis;
        }
    }
}

package io.cancelgateway.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cancelgateway.bench.HeapSampler;
import io.cancelgateway.bench.PhaseMeter;
import io.cancelgateway.bench.ProcessGauges;

/**
 * Files at scale on the packaged service with a 256 MB heap ({@link PackagedService} runs it with -Xmx256m): a
 * 1,000,000-row file completes, every row answered in order. Durations and memory are printed, not asserted: speed
 * goals belong to the benchmark.
 */
class LargeFileIT {

    @Test
    void fiveThousandRowsAtTwentyMillisecondsProviderLatency(@TempDir Path dataDir) throws Exception {
        process(dataDir, 5_000, 20, 16, Duration.ofMinutes(5));
    }

    @Test
    void aMillionRowFileCompletesWithA256MegabyteHeap(@TempDir Path dataDir) throws Exception {
        // A file this size is where an operator raises cancel.file.concurrency: larger batches of journal writes.
        process(dataDir, 1_000_000, 0, 64, Duration.ofMinutes(45));
    }

    private static void process(Path dataDir, int rows, int latencyMs, int concurrency, Duration atMost)
            throws Exception {
        Map<String, String> properties = PackagedService.withSimulator(dataDir);
        properties.put("cancel.simulator.latency-ms", String.valueOf(latencyMs));
        properties.put("cancel.file.settle", "200ms");
        properties.put("cancel.file.concurrency", String.valueOf(concurrency));
        properties.put("quarkus.log.category.\"io.cancelgateway.cancel\".level", "WARN");
        try (PackagedService service = PackagedService.start(properties)) {
            service.awaitReady(Duration.ofSeconds(60));
            HeapSampler heap = HeapSampler.start(HttpClient.newHttpClient(), service.uri("/q/metrics"));
            PhaseMeter meter = PhaseMeter.start(new ProcessGauges(service.pid()));
            long started = System.nanoTime();
            InboxFiles.drop(dataDir, "large.csv", "hyperswitch", "pay_large_", rows);
            Path results = InboxFiles.awaitResults(dataDir, "large.csv", atMost);
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            PhaseMeter.Reading phase = meter.stop();
            HeapSampler.Reading memory = heap.stop();
            System.out.printf("LargeFileIT: %,d rows, provider latency %d ms, concurrency %d, -Xmx256m: "
                    + "%.1f s (%.0f rows/s), heap used at most %.0f MB (live after collection at most %.0f MB), "
                    + "resident at most %.0f MB%n", rows, latencyMs, concurrency, millis / 1000.0,
                    rows / (millis / 1000.0), memory.maxUsedMb(), memory.maxLiveAfterGcMb(), phase.peakRssMb());
            AtomicLong expectedRow = new AtomicLong(1);
            long count = InboxFiles.eachResult(results, row -> {
                assertThat(Long.parseLong(row.get("row"))).isEqualTo(expectedRow.getAndIncrement());
                assertThat(row.get("outcome")).isEqualTo("CANCELLED");
            });
            assertThat(count).isEqualTo(rows);
            assertThat(service.output()).doesNotContain("OutOfMemoryError");
        }
    }
}

package io.cancelgateway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.DoubleAccumulator;

/**
 * Samples the service's Java heap from its Prometheus metrics once a second: heap in use (all heap pools, so it
 * includes garbage not yet collected and rises towards -Xmx between collections) and the live data left after the
 * last full or old-generation collection, which is what the heap actually has to hold.
 */
public final class HeapSampler {

    private static final long SAMPLE_EVERY_MS = 1000;

    private final HttpClient client;
    private final URI metrics;
    private final DoubleAccumulator maxUsedMb = new DoubleAccumulator(Math::max, 0);
    private final DoubleAccumulator maxLiveMb = new DoubleAccumulator(Math::max, 0);
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapSampler(HttpClient client, URI metrics) {
        this.client = client;
        this.metrics = metrics;
        this.sampler = new Thread(this::sample, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    public static HeapSampler start(HttpClient client, URI metrics) {
        return new HeapSampler(client, metrics);
    }

    public record Reading(double maxUsedMb, double maxLiveAfterGcMb) {
    }

    public Reading stop() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
        return new Reading(maxUsedMb.get(), maxLiveMb.get());
    }

    /** Heap in use and live data after GC, in MiB, from one Prometheus text exposition. */
    static Reading read(String prometheus) {
        double used = 0;
        double live = 0;
        for (String line : prometheus.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += value(line);
            } else if (line.startsWith("jvm_gc_live_data_size_bytes")) {
                live = value(line);
            }
        }
        return new Reading(used / (1024 * 1024), live / (1024 * 1024));
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private void sample() {
        try {
            while (running) {
                try {
                    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(metrics).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200) {
                        Reading now = read(answer.body());
                        maxUsedMb.accumulate(now.maxUsedMb());
                        maxLiveMb.accumulate(now.maxLiveAfterGcMb());
                    }
                } catch (IOException missed) {
                    // The service was too busy to answer in time: the next sample comes a second later.
                }
                Thread.sleep(SAMPLE_EVERY_MS);
            }
        } catch (InterruptedException stopped) {
            // stop() ends the sampling.
        }
    }
}

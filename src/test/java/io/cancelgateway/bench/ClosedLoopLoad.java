package io.cancelgateway.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Sends {@code count} HTTP requests with {@code concurrency} of them in flight at all times: as many senders, each on
 * its own kept-alive connection, each sending its next request as soon as its previous one is answered. Times each
 * request. Only answers with the expected status count as done; anything else is an error, kept out of the latencies.
 */
final class ClosedLoopLoad {

    private final String host;
    private final int port;
    private final int concurrency;

    ClosedLoopLoad(String host, int port, int concurrency) {
        this.host = host;
        this.port = port;
        this.concurrency = concurrency;
    }

    record Outcome(int count, int errors, long elapsedNanos, long[] latenciesNanos, String firstError) {

        double throughput() {
            return latenciesNanos.length / (elapsedNanos / 1e9);
        }

        LatencyPercentiles percentiles() {
            return LatencyPercentiles.of(latenciesNanos);
        }
    }

    Outcome run(int count, IntFunction<HttpCall> call, int expectedStatus) throws InterruptedException {
        long[] latencies = new long[count];
        boolean[] done = new boolean[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Thread> senders = new ArrayList<>();
        long started = System.nanoTime();
        for (int s = 0; s < Math.min(concurrency, count); s++) {
            Thread sender = new Thread(() -> {
                try (KeepAliveConnection connection = new KeepAliveConnection(host, port)) {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        HttpCall request = call.apply(i);
                        byte[] bytes = request.bytes(host, port);
                        long sent = System.nanoTime();
                        String error = send(connection, bytes, request, expectedStatus);
                        if (error == null) {
                            latencies[i] = System.nanoTime() - sent;
                            done[i] = true;
                        } else {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, error);
                        }
                    }
                }
            }, "bench-sender-" + s);
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        long elapsed = System.nanoTime() - started;
        long[] answered = new long[count];
        int k = 0;
        for (int i = 0; i < count; i++) {
            if (done[i]) {
                answered[k++] = latencies[i];
            }
        }
        return new Outcome(count, errors.get(), elapsed, Arrays.copyOf(answered, k), firstError.get());
    }

    private static String send(KeepAliveConnection connection, byte[] bytes, HttpCall request, int expectedStatus) {
        try {
            KeepAliveConnection.Answer answer = connection.send(bytes);
            return answer.status() == expectedStatus ? null
                    : "HTTP " + answer.status() + " from " + request.path() + ": " + answer.body();
        } catch (IOException | RuntimeException failed) {
            return failed + " from " + request.path();
        }
    }
}

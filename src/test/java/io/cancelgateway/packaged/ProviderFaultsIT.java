package io.cancelgateway.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Provider faults a production day brings, against the packaged service: a provider that accepts connections and never
 * answers (bulkhead and deadline), one whose answer never ends (read limit), and one that goes down and comes back
 * (circuit breaker).
 */
class ProviderFaultsIT {

    private static final String CANCELLED_PAYMENT = "{\"payment_id\":\"p\",\"status\":\"cancelled\","
            + "\"modified_at\":\"2026-05-13T03:44:00Z\"}";

    private static final Map<String, String> TWO_QUICK_ATTEMPTS = Map.of("cancel.retry.max-attempts", "2",
            "cancel.retry.initial-backoff", "10ms");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aProviderThatNeverAnswersHoldsNoMoreThanItsOwnCallsAndEndsEachCancelByItsDeadline() throws Exception {
        try (SilentProvider silent = new SilentProvider()) {
            Map<String, String> properties = PackagedService.withSimulator(PackagedService.freePort());
            properties.put("cancel.providers.hyperswitch.base-url", "http://127.0.0.1:" + silent.port());
            // The 220 are sent within the deadline less the queue wait (4 s), so only the first 64 are ever called.
            properties.put("cancel.providers.hyperswitch.deadline", "5s");
            properties.put("cancel.providers.hyperswitch.max-queue-wait", "1s");
            try (PackagedService service = PackagedService.start(List.of("-Xmx512m"), properties)) {
                service.awaitReady(Duration.ofSeconds(60));
                healthyCancel(service, "warm");

                long started = System.nanoTime();
                List<CompletableFuture<HttpResponse<String>>> stuck = new ArrayList<>();
                for (int i = 0; i < 220; i++) {
                    stuck.add(send(service, "{\"provider\":\"hyperswitch\",\"reference\":\"stuck-" + i + "\"}"));
                }
                Thread.sleep(500);
                Duration healthy = healthyCancel(service, "beside-the-stuck-ones");
                CompletableFuture.allOf(stuck.toArray(CompletableFuture[]::new)).join();
                Duration allAnswered = Duration.ofNanos(System.nanoTime() - started);

                int timedOut = 0;
                int busy = 0;
                for (CompletableFuture<HttpResponse<String>> answer : stuck) {
                    JsonNode result = CancellationsApi.JSON.readTree(answer.join().body());
                    assertThat(result.get("outcome").asText()).isEqualTo("ERROR");
                    assertThat(result.get("retryable").asBoolean()).isTrue();
                    if (answer.join().statusCode() == 504) {
                        timedOut++;
                        assertThat(result.get("attempts").asInt()).isEqualTo(1);
                    } else {
                        busy++;
                        assertThat(answer.join().statusCode()).isEqualTo(502);
                        assertThat(result.get("attempts").asInt()).isZero();
                        assertThat(result.get("error").asText()).startsWith("hyperswitch is busy");
                    }
                }
                System.out.printf("provider faults: a cancel at a healthy provider took %d ms beside 220 stuck at a "
                        + "silent one; these all answered within %.1f s (%d at their deadline, %d busy); the silent "
                        + "provider saw %d connections%n", healthy.toMillis(), allAnswered.toMillis() / 1000.0,
                        timedOut, busy, silent.connections());
                // Waiting for a thread a stuck call holds, it would wait out the deadline.
                assertThat(healthy).isLessThan(Duration.ofSeconds(2));
                assertThat(timedOut).isEqualTo(64);
                assertThat(silent.connections()).isLessThanOrEqualTo(64);
                // The deadline (5 s) bounds every one of them, the busy ones waiting 1 s (max-queue-wait); without
                // it they would wait for the read timeout (30 s).
                assertThat(allAnswered).isLessThan(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void anAnswerThatNeverEndsIsCutAfterAMebibyteAndTheConnectionClosed() throws Exception {
        answeredWithoutEnd(Endless.BODY, TWO_QUICK_ATTEMPTS, 502, 2,
                "hyperswitch answered with more than 1024 KiB after 2 attempts", Duration.ZERO, Duration.ofSeconds(10));
    }

    @Test
    void anAnswerWhoseHeadNeverEndsIsCutAfterALineOfEightKibibytes() throws Exception {
        answeredWithoutEnd(Endless.HEAD, TWO_QUICK_ATTEMPTS, 502, 2, "hyperswitch answered with a head over its "
                + "limits (Maximum line length limit exceeded) after 2 attempts", Duration.ZERO,
                Duration.ofSeconds(10));
    }

    @Test
    void anAnswerThatTricklesInEndsAtTheCancelsDeadline() throws Exception {
        answeredWithoutEnd(Endless.TRICKLE, Map.of("cancel.providers.hyperswitch.deadline", "3s"), 504, 1,
                "timed out waiting for hyperswitch after 1 attempt, when its deadline came", Duration.ofSeconds(3),
                Duration.ofSeconds(10));
    }

    @Test
    void anAnswerWhoseHeadTricklesInEndsAtTheCancelsDeadline() throws Exception {
        // Lines of 11 bytes at a byte every 100 ms: the head's limit of 100 lines would end it only after 110 s.
        answeredWithoutEnd(Endless.TRICKLE_HEAD, Map.of("cancel.providers.hyperswitch.deadline", "3s"), 504, 1,
                "timed out waiting for hyperswitch after 1 attempt, when its deadline came", Duration.ofSeconds(3),
                Duration.ofSeconds(10));
    }

    @Test
    void aReadBegunJustBeforeTheDeadlineEndsWithIt() throws Exception {
        // The last byte at 2.75 s: that read may wait 0.25 s, not the 3 s the read timeout was cut to at the start.
        answeredWithoutEnd(Endless.QUIET_HEAD, Map.of("cancel.providers.hyperswitch.deadline", "3s"), 504, 1,
                "timed out waiting for hyperswitch after 1 attempt, when its deadline came", Duration.ofSeconds(3),
                Duration.ofMillis(4500));
    }

    @Test
    void aMalformedHeadQuotingTheKeyIsAnErrorThatQuotesItMasked() throws Exception {
        // The HTTP client's error quotes a header line without a colon: here the Basic form of the provider's key.
        String basicKey = Base64.getEncoder().encodeToString("snd_sim_hyperswitch:".getBytes(StandardCharsets.UTF_8));
        try (MalformedProvider malformed = new MalformedProvider("HTTP/1.1 502 Bad Gateway\r\nEcho Basic " + basicKey
                + " " + "x".repeat(600) + "\r\nContent-Length: 0\r\n\r\n")) {
            Map<String, String> properties = PackagedService.withSimulator(PackagedService.freePort());
            properties.put("cancel.providers.hyperswitch.base-url", "http://127.0.0.1:" + malformed.port());
            try (PackagedService service = PackagedService.start(List.of("-Xmx256m"), properties)) {
                service.awaitReady(Duration.ofSeconds(60));

                HttpResponse<String> answer = send(service, "{\"request_id\":\"malformed-head\","
                        + "\"provider\":\"hyperswitch\",\"reference\":\"malformed\"}").join();
                HttpResponse<String> attempts = http.send(HttpRequest.newBuilder(
                        service.uri("/api/v1/cancellations/malformed-head/attempts")).header("X-Api-Key", "it-key")
                        .build(), HttpResponse.BodyHandlers.ofString());

                JsonNode result = CancellationsApi.JSON.readTree(answer.body());
                assertThat(result.get("outcome").asText()).as(answer.body()).isEqualTo("ERROR");
                assertThat(result.get("error").asText()).startsWith("could not reach hyperswitch: ")
                        .contains("Echo Basic ****").as("cut as any provider text is").hasSizeLessThan(320);
                assertThat(attempts.body()).contains("Echo Basic ****");
                assertThat(answer.body() + attempts.body() + service.output()).doesNotContain(basicKey);
            }
        }
    }

    private void answeredWithoutEnd(Endless part, Map<String, String> settings, int status, int attempts,
            String error, Duration atLeast, Duration atMost) throws Exception {
        try (EndlessProvider endless = new EndlessProvider(part)) {
            Map<String, String> properties = PackagedService.withSimulator(PackagedService.freePort());
            properties.put("cancel.providers.hyperswitch.base-url", "http://127.0.0.1:" + endless.port());
            properties.putAll(settings);
            // Read whole, two answers of this heap's size would end the service.
            try (PackagedService service = PackagedService.start(List.of("-Xmx256m"), properties)) {
                service.awaitReady(Duration.ofSeconds(60));
                healthyCancel(service, "before-endless");

                long started = System.nanoTime();
                HttpResponse<String> answer = send(service,
                        "{\"provider\":\"hyperswitch\",\"reference\":\"endless\"}").join();
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                JsonNode result = CancellationsApi.JSON.readTree(answer.body());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
                assertThat(result.get("outcome").asText()).isEqualTo("ERROR");
                assertThat(result.get("attempts").asInt()).isEqualTo(attempts);
                assertThat(result.get("error").asText()).isEqualTo(error);
                await().atMost(Duration.ofSeconds(5)).until(() -> endless.closedByTheGateway() == attempts);
                System.out.printf("endless answer (%s): the cancel ended in %d ms; the provider sent %d KiB on each "
                        + "of %d connections before the gateway closed them%n", part,
                        took.toMillis(), endless.largestKiB(), endless.connections());
                assertThat(endless.connections()).isEqualTo(attempts);
                // What was read is bounded; the rest was in the sockets' buffers when they were closed.
                assertThat(endless.largestKiB()).isLessThan(64 * 1024);
                assertThat(took).isBetween(atLeast, atMost);
                healthyCancel(service, "after-endless");
            }
        }
    }

    @Test
    void aProviderThatIsDownIsNotCalledUntilATrialCallFindsItBack() throws Exception {
        WireMockServer provider = new WireMockServer(options().dynamicPort());
        provider.start();
        try {
            provider.stubFor(post(urlPathMatching("/payments/.*/cancel"))
                    .willReturn(aResponse().withStatus(503).withBody("{\"error\":{\"code\":\"HE_00\"}}")));
            Map<String, String> properties = PackagedService.withSimulator(PackagedService.freePort());
            properties.put("cancel.providers.hyperswitch.base-url", provider.baseUrl());
            properties.put("cancel.providers.hyperswitch.circuit-breaker.failures", "4");
            // Long enough for the reads below while open: past it the circuit shows half-open, no call made.
            properties.put("cancel.providers.hyperswitch.circuit-breaker.open-for", "5s");
            properties.put("cancel.retry.max-attempts", "2");
            properties.put("cancel.retry.initial-backoff", "10ms");
            try (PackagedService service = PackagedService.start(properties)) {
                service.awaitReady(Duration.ofSeconds(60));
                CancellationsApi api = new CancellationsApi(service, "it-key");

                // Two cancels, two attempts each: four failed calls in a row open the circuit.
                for (int i = 0; i < 2; i++) {
                    JsonNode result = api.cancel("{\"provider\":\"hyperswitch\",\"reference\":\"down-" + i + "\"}",
                            null).json();
                    assertThat(result.get("attempts").asInt()).isEqualTo(2);
                }
                JsonNode refused = api.cancel("{\"provider\":\"hyperswitch\",\"reference\":\"refused\"}", null)
                        .json();
                assertThat(refused.get("outcome").asText()).isEqualTo("ERROR");
                assertThat(refused.get("retryable").asBoolean()).isTrue();
                assertThat(refused.get("attempts").asInt()).isZero();
                assertThat(refused.get("error").asText()).startsWith("hyperswitch is unavailable");
                provider.verify(4, postRequestedFor(urlPathMatching("/payments/.*/cancel")));
                assertThat(metric(api, "cancel_provider_circuit_state{provider=\"hyperswitch\"}")).isEqualTo("1.0");
                assertThat(metric(api, "cancel_provider_circuit_state{provider=\"kwikpaisa\"}")).isEqualTo("0.0");
                CancellationsApi.Answer circuits = api.get("/q/health/group/providers");
                assertThat(circuits.status()).isEqualTo(503);
                assertThat(circuits.json().at("/checks/0/data/hyperswitch").asText()).isEqualTo("OPEN");
                assertThat(circuits.json().at("/checks/0/data/kwikpaisa").asText()).isEqualTo("CLOSED");
                assertThat(api.get("/q/health/ready").status()).isEqualTo(200);
                assertThat(api.cancel("{\"provider\":\"kwikpaisa\",\"reference\":\"still-works\"}", null).status())
                        .isEqualTo(200);

                provider.resetAll();
                provider.stubFor(post(urlPathMatching("/payments/.*/cancel"))
                        .willReturn(aResponse().withStatus(200).withBody(CANCELLED_PAYMENT)));
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() ->
                        api.cancel("{\"provider\":\"hyperswitch\",\"reference\":\"back-" + System.nanoTime() + "\"}",
                                null).status() == 200);
                assertThat(metric(api, "cancel_provider_circuit_state{provider=\"hyperswitch\"}")).isEqualTo("0.0");
                assertThat(api.get("/q/health/group/providers").status()).isEqualTo(200);
                String log = service.output();
                assertThat(log.lines().filter(line -> line.contains("circuit CLOSED -> OPEN"))).hasSize(1);
                assertThat(log.lines().filter(line -> line.contains("circuit OPEN -> HALF_OPEN"))).hasSize(1);
                assertThat(log.lines().filter(line -> line.contains("circuit HALF_OPEN -> CLOSED"))).hasSize(1);
            }
        } finally {
            provider.stop();
        }
    }

    @Test
    void duplicatesWaitingForTheRunInProgressHoldNoThread() throws Exception {
        WireMockServer provider = new WireMockServer(options().dynamicPort().containerThreads(20));
        provider.start();
        try {
            provider.stubFor(post(urlPathMatching("/payments/.*/cancel")).willReturn(aResponse().withStatus(200)
                    .withBody(CANCELLED_PAYMENT).withFixedDelay(6000)));
            Map<String, String> properties = PackagedService.withSimulator(PackagedService.freePort());
            properties.put("cancel.providers.hyperswitch.base-url", provider.baseUrl());
            try (PackagedService service = PackagedService.start(List.of("-Xmx512m"), properties)) {
                service.awaitReady(Duration.ofSeconds(60));
                healthyCancel(service, "warm-duplicates");
                String same = "{\"request_id\":\"held-once\",\"provider\":\"hyperswitch\","
                        + "\"reference\":\"pay_held\"}";
                List<CompletableFuture<HttpResponse<String>>> duplicates = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    duplicates.add(send(service, same));
                }
                Thread.sleep(1000);
                Duration healthy = healthyCancel(service, "beside-the-duplicates");
                CompletableFuture.allOf(duplicates.toArray(CompletableFuture[]::new)).join();

                int replayed = 0;
                for (CompletableFuture<HttpResponse<String>> answer : duplicates) {
                    JsonNode result = CancellationsApi.JSON.readTree(answer.join().body());
                    assertThat(answer.join().statusCode()).as(answer.join().body()).isEqualTo(200);
                    assertThat(result.get("outcome").asText()).isEqualTo("CANCELLED");
                    replayed += result.get("replayed").asBoolean() ? 1 : 0;
                }
                System.out.printf("duplicates: a cancel at another provider took %d ms while 300 duplicates waited "
                        + "for one run%n", healthy.toMillis());
                assertThat(replayed).isEqualTo(299);
                provider.verify(1, postRequestedFor(urlPathMatching("/payments/.*/cancel")));
                // Waiting for a thread a duplicate holds, it would wait for the rest of the run's 6 s.
                assertThat(healthy).isLessThan(Duration.ofSeconds(2));
            }
        } finally {
            provider.stop();
        }
    }

    private static String metric(CancellationsApi api, String series) throws Exception {
        return api.get("/q/metrics").body().lines()
                .filter(line -> line.startsWith(series + " "))
                .map(line -> line.substring(series.length() + 1).trim())
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + series));
    }

    private Duration healthyCancel(PackagedService service, String reference) {
        long started = System.nanoTime();
        HttpResponse<String> answer = send(service,
                "{\"provider\":\"kwikpaisa\",\"reference\":\"" + reference + "\"}").join();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private CompletableFuture<HttpResponse<String>> send(PackagedService service, String body) {
        return http.sendAsync(HttpRequest.newBuilder(service.uri("/api/v1/cancellations"))
                .timeout(Duration.ofSeconds(60))
                .header("X-Api-Key", "it-key")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What of an answer never ends. */
    private enum Endless {
        /** A chunked body, as fast as it goes. */
        BODY,
        /** A header line. */
        HEAD,
        /** A chunked body, a byte every 100 ms. */
        TRICKLE,
        /** Short header lines, a byte every 100 ms. */
        TRICKLE_HEAD,
        /** One header line, a byte every 250 ms, then nothing: the last read begins just before the deadline. */
        QUIET_HEAD
    }

    /** A provider that answers every request with HTTP 200 and a chunked body, or a head, that never ends. */
    private static final class EndlessProvider extends RawProvider {

        private final Endless part;
        private final AtomicInteger closed = new AtomicInteger();
        private final AtomicLong largestBytes = new AtomicLong();

        EndlessProvider(Endless part) throws IOException {
            super("endless-provider");
            this.part = part;
        }

        @Override
        void accepted(Socket socket) {
            Thread answering = new Thread(() -> answer(socket), "endless-answer");
            answering.setDaemon(true);
            answering.start();
        }

        private void answer(Socket socket) {
            long sent = 0;
            try {
                InputStream in = socket.getInputStream();
                if (!readRequestHead(in)) {
                    return;
                }
                OutputStream out = socket.getOutputStream();
                out.write((switch (part) {
                    case HEAD -> "HTTP/1.1 200 OK\r\nX-Padding: ";
                    case TRICKLE_HEAD, QUIET_HEAD -> "HTTP/1.1 200 OK\r\n";
                    case BODY, TRICKLE ->
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
                }).getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = (switch (part) {
                    case HEAD -> "x".repeat(0x10000);
                    case BODY -> "10000\r\n" + "x".repeat(0x10000) + "\r\n";
                    case TRICKLE -> "1\r\nx\r\n";
                    case TRICKLE_HEAD, QUIET_HEAD -> "X-Slow: x\r\n";
                }).getBytes(StandardCharsets.US_ASCII);
                if (part == Endless.QUIET_HEAD) {
                    for (byte b : chunk) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(250);
                    }
                    // Nothing more: the request's body is read, then the gateway closing the connection ends the read.
                    while (in.read() >= 0) {
                        continue;
                    }
                    if (open()) {
                        closed.incrementAndGet();
                    }
                    return;
                }
                while (true) {
                    if (part == Endless.TRICKLE_HEAD) {
                        for (byte b : chunk) {
                            out.write(b);
                            out.flush();
                            largestBytes.accumulateAndGet(++sent, Math::max);
                            Thread.sleep(100);
                        }
                        continue;
                    }
                    out.write(chunk);
                    out.flush();
                    sent += part == Endless.TRICKLE ? 1 : 0x10000;
                    largestBytes.accumulateAndGet(sent, Math::max);
                    if (part == Endless.TRICKLE) {
                        Thread.sleep(100);
                    }
                }
            } catch (IOException gatewayClosedIt) {
                if (open()) {
                    closed.incrementAndGet();
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }

        int closedByTheGateway() {
            return closed.get();
        }

        long largestKiB() {
            return largestBytes.get() / 1024;
        }
    }

    /** A provider that answers every request with the same bytes, then closes the connection. */
    private static final class MalformedProvider extends RawProvider {

        private final byte[] answer;

        MalformedProvider(String answer) throws IOException {
            super("malformed-provider");
            this.answer = answer.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        void accepted(Socket socket) {
            try (socket) {
                if (!readRequestHead(socket.getInputStream())) {
                    return;
                }
                socket.getOutputStream().write(answer);
                socket.getOutputStream().flush();
            } catch (IOException gatewayClosedIt) {
                // The gateway gave up on the answer: nothing to do.
            }
        }
    }

    /** A provider that accepts every connection, reads nothing and never answers. */
    private static final class SilentProvider extends RawProvider {

        SilentProvider() throws IOException {
            super("silent-provider");
        }

        @Override
        void accepted(Socket socket) {
            // Holds the connection open and says nothing.
        }
    }

    /** A socket server standing in for a provider: it accepts connections and hands each to {@link #accepted}. */
    private abstract static class RawProvider implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        RawProvider(String name) throws IOException {
            server = new ServerSocket(0, 1000);
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        accepted.add(socket);
                        accepted(socket);
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, name);
            acceptor.setDaemon(true);
            acceptor.start();
        }

        abstract void accepted(Socket socket);

        /** Reads a request's head up to its blank line; false when the connection ends first. */
        static boolean readRequestHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (head.indexOf("\r\n\r\n") < 0) {
                int b = in.read();
                if (b < 0) {
                    return false;
                }
                head.append((char) b);
            }
            return true;
        }

        boolean open() {
            return !server.isClosed();
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return accepted.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}

package io.cancelgateway.simulator;

import static io.cancelgateway.simulator.JuspayOrderSimulatorTest.basic;
import static io.cancelgateway.simulator.JuspayOrderSimulatorTest.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatorLatencyTest {

    /** Long enough that an answer without the wait is told apart from one with it on a busy machine. */
    private static final long LATENCY_MS = 1000;

    private static SimulatorServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SimulatorServer.start(LATENCY_MS, Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void delaysSuccessfulAndRefusedAnswers() throws Exception {
        assertTakesAtLeast(LATENCY_MS, () -> hyperswitchCancel(unique("pay_"), SimulatorServer.HYPERSWITCH_KEY), 200);
        assertTakesAtLeast(LATENCY_MS, () -> hyperswitchCancel(unique("pay_"), "snd_wrong"), 401);
        assertTakesAtLeast(LATENCY_MS, () -> juspayCancel(unique("missing-")), 404);
    }

    @Test
    void addsTheLatencyToTheSlowWait() throws Exception {
        assertTakesAtLeast(LATENCY_MS + SimulatorServer.SLOW_MS, () -> juspayCancel(unique("slow-")), 200);
    }

    @Test
    void waitsWithoutBlockingOtherCalls() throws Exception {
        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String ref = unique("pay_");
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return hyperswitchCancel(ref, SimulatorServer.HYPERSWITCH_KEY);
                } catch (Exception failed) {
                    throw new IllegalStateException(failed);
                }
            }));
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            assertThat(call.get().statusCode()).isEqualTo(200);
        }
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(elapsedMs).as("eight delayed answers overlap").isLessThan(8 * LATENCY_MS);
    }

    @Test
    void answersCallCountsAtOnce() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = server.get("/simulator/calls?provider=hyperswitch&reference=pay_x");
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsedMs).isLessThan(LATENCY_MS);
    }

    private static void assertTakesAtLeast(long minimumMs, ThrowingCall call, int expectedStatus) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = call.send();
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(expectedStatus);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(minimumMs);
    }

    private static HttpResponse<String> hyperswitchCancel(String ref, String apiKey) throws Exception {
        return server.post("/simulator/hyperswitch/payments/" + ref + "/cancel", "{}", "api-key", apiKey);
    }

    private static HttpResponse<String> juspayCancel(String ref) throws Exception {
        return server.post("/simulator/juspay/merchants/m1/order/" + ref + "/cancel", "{\"cancel_reason\":\"x\"}",
                "Authorization", basic(SimulatorServer.JUSPAY_KEY), "x-merchantid", "m1");
    }

    @FunctionalInterface
    private interface ThrowingCall {
        HttpResponse<String> send() throws Exception;
    }
}

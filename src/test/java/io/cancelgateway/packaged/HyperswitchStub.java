package io.cancelgateway.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Hyperswitch's payment cancel in the test JVM (WireMock), so that its record of calls outlives a service that is
 * killed and restarted, unlike the service's own simulator. Every cancel answers "cancelled" after a fixed delay.
 */
final class HyperswitchStub implements AutoCloseable {

    private static final String PATH = "/payments/[^/]+/cancel";
    private static final String CANCELLED_PAYMENT = "{\"payment_id\":\"p\",\"status\":\"cancelled\","
            + "\"modified_at\":\"2026-05-13T03:44:00Z\"}";

    private final WireMockServer server;

    private HyperswitchStub(WireMockServer server) {
        this.server = server;
    }

    /** Starts the stub; every call is answered after {@code latencyMillis}. */
    static HyperswitchStub start(int latencyMillis) {
        // Threads for every consumer of the service at once, each held for the latency.
        WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(64));
        server.start();
        server.stubFor(post(urlPathMatching(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(CANCELLED_PAYMENT)
                .withFixedDelay(latencyMillis)));
        return new HyperswitchStub(server);
    }

    /** The properties that point the service's Hyperswitch connector at this stub. */
    Map<String, String> providerConfiguration() {
        return Map.of(
                "cancel.providers.hyperswitch.base-url", server.baseUrl(),
                "cancel.providers.hyperswitch.api-key", "snd_crash_test");
    }

    /** Cancel calls received so far, per payment reference. */
    Map<String, Long> callsPerReference() {
        return calls().stream().collect(Collectors.groupingBy(HyperswitchStub::reference, Collectors.counting()));
    }

    /** Cancel calls received since the instant. */
    long callsSince(Instant instant) {
        return calls().stream().filter(call -> !call.getLoggedDate().toInstant().isBefore(instant)).count();
    }

    private List<LoggedRequest> calls() {
        return server.findAll(postRequestedFor(urlPathMatching(PATH)));
    }

    private static String reference(LoggedRequest call) {
        String path = call.getUrl();
        return path.substring("/payments/".length(), path.length() - "/cancel".length());
    }

    @Override
    public void close() {
        server.stop();
    }
}

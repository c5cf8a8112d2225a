package io.cancelgateway.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.cancelgateway.journal.TestPostgres;

/**
 * Status sync of the packaged service: the schedule lives in the journal, so checks due while the service was down are
 * made after its restart; and two instances on one PostgreSQL journal check each followed result exactly once.
 */
@ExtendWith(TestPostgres.class)
class StatusSyncIT {

    private static final String API_KEY = "it-key";
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final String STATUS_PATH = "/payments/[^/?]+";

    @TempDir
    Path data;

    WireMockServer hyperswitch;

    /** Hyperswitch: every void is still processing; every payment, checked, is cancelled (after 300 ms). */
    @BeforeEach
    void startHyperswitch() {
        hyperswitch = new WireMockServer(options().dynamicPort());
        hyperswitch.start();
        hyperswitch.stubFor(post(urlPathMatching("/payments/[^/]+/cancel")).willReturn(payment("processing")));
        hyperswitch.stubFor(get(urlPathMatching(STATUS_PATH)).withQueryParam("force_sync", equalTo("true"))
                .willReturn(payment("cancelled").withFixedDelay(300)));
    }

    @AfterEach
    void stopHyperswitch() {
        hyperswitch.stop();
    }

    @Test
    void checksDueWhileTheServiceWasDownAreMadeAfterItsRestart() throws Exception {
        int port = PackagedService.freePort();
        List<String> payments = List.of("pay_restart_1", "pay_restart_2", "pay_restart_3");
        // Long enough for the cancels and the stop on a busy machine: no check is due before the service is down.
        Duration firstCheck = Duration.ofSeconds(10);
        Instant lastCancelled;
        try (PackagedService first = start(properties(port, firstCheck.toSeconds() + "s"))) {
            CancellationsApi api = new CancellationsApi(first, API_KEY);
            for (String payment : payments) {
                CancellationsApi.Answer answer = api.cancel(body(payment), null);
                assertThat(answer.status()).as(answer.body()).isEqualTo(202);
                assertThat(answer.json().get("sync_state").asText()).isEqualTo("FOLLOWING");
            }
            lastCancelled = Instant.now();
            first.stop(Duration.ofSeconds(30));
        }
        assertThat(statusChecks()).as("checks made before the restart").isEmpty();
        Duration untilDue = Duration.between(Instant.now(), lastCancelled.plus(firstCheck).plusSeconds(1));
        Thread.sleep(Math.max(0, untilDue.toMillis()));

        try (PackagedService second = start(properties(port, firstCheck.toSeconds() + "s"))) {
            CancellationsApi api = new CancellationsApi(second, API_KEY);
            Instant ready = Instant.now();
            awaitFinal(api, payments);
            // Checks that had fallen due, not scheduled anew from the restart (they would come 10 s after it).
            assertThat(Duration.between(ready, Instant.now())).isLessThan(firstCheck.minusSeconds(3));
        }
        assertThat(checksPerPayment()).containsOnlyKeys(payments).allSatisfy((payment, checks) ->
                assertThat(checks).as(payment).isEqualTo(1));
    }

    @Test
    void twoInstancesOnOnePostgresJournalCheckEachFollowedResultOnce() throws Exception {
        String schema = TestPostgres.newSchema();
        try {
            try (PackagedService first = PackagedService.start(onPostgres(schema));
                    PackagedService second = PackagedService.start(onPostgres(schema))) {
                first.awaitReady(STARTUP);
                second.awaitReady(STARTUP);
                List<CancellationsApi> instances = List.of(new CancellationsApi(first, API_KEY),
                        new CancellationsApi(second, API_KEY));
                List<String> payments = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    String payment = "pay_shared_" + i;
                    payments.add(payment);
                    CancellationsApi.Answer answer = instances.get(i % 2).cancel(body(payment), null);
                    assertThat(answer.status()).as(answer.body()).isEqualTo(202);
                }

                awaitFinal(instances.get(0), payments);
                awaitFinal(instances.get(1), payments);
                assertThat(checksPerPayment()).containsOnlyKeys(payments).allSatisfy((payment, checks) ->
                        assertThat(checks).as("status checks of %s over both instances", payment).isEqualTo(1));
                assertThat(first.output() + second.output()).contains("status-check request_id=");
                assertThat(first.output()).as("first instance checked some").contains("found=CANCELLED");
                assertThat(second.output()).as("second instance checked some").contains("found=CANCELLED");
            }
        } finally {
            drop(schema);
        }
    }

    private Map<String, String> properties(int port, String firstDelay) throws IOException {
        Map<String, String> properties = PackagedService.withSimulator(port);
        properties.put("cancel.data-dir", data.toString());
        properties.put("cancel.providers.hyperswitch.base-url", hyperswitch.baseUrl());
        properties.put("cancel.sync.first-delay", firstDelay);
        properties.put("cancel.sync.poll-interval", "100ms");
        return properties;
    }

    private Map<String, String> onPostgres(String schema) throws Exception {
        Map<String, String> properties = properties(PackagedService.freePort(), "3s");
        properties.remove("cancel.data-dir");
        properties.put("quarkus.datasource.jdbc.url", TestPostgres.urlFor(schema));
        properties.put("quarkus.datasource.username", TestPostgres.USER);
        return properties;
    }

    private static PackagedService start(Map<String, String> properties) throws Exception {
        PackagedService service = PackagedService.start(properties);
        try {
            service.awaitReady(STARTUP);
        } catch (Exception notReady) {
            service.close();
            throw notReady;
        }
        return service;
    }

    private static void awaitFinal(CancellationsApi api, List<String> payments) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (String payment : payments) {
                CancellationsApi.Answer stored = api.get("/api/v1/cancellations/" + payment);
                assertThat(stored.status()).as(stored.body()).isEqualTo(200);
                assertThat(stored.json().get("sync_state").asText()).as(payment).isEqualTo("FINAL");
                assertThat(stored.json().get("outcome").asText()).as(payment).isEqualTo("CANCELLED");
                assertThat(stored.json().get("status_checks").asInt()).as(payment).isEqualTo(1);
            }
        });
    }

    private List<LoggedRequest> statusChecks() {
        return hyperswitch.findAll(getRequestedFor(urlPathMatching(STATUS_PATH)));
    }

    private Map<String, Long> checksPerPayment() {
        return statusChecks().stream().map(check -> check.getUrl().replaceAll("^/payments/([^?]+)\\?.*$", "$1"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** The request id is the payment id, so each result is found by its payment. */
    private static String body(String payment) {
        return CancellationsApi.JSON.createObjectNode().put("request_id", payment).put("provider", "hyperswitch")
                .put("reference", payment).toString();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder payment(String status) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"" + status + "\"}");
    }

    private static void drop(String schema) throws Exception {
        try (Connection connection = DriverManager.getConnection(TestPostgres.URL, TestPostgres.USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}

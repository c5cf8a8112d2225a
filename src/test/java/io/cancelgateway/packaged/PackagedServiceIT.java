package io.cancelgateway.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as operators run it: the prod profile's safety checks and run-time route overrides. */
class PackagedServiceIT {

    @Test
    void refusesToStartWithoutApiKeysNamingTheProperty() throws Exception {
        try (PackagedService service = PackagedService.start(Map.of())) {
            assertThat(service.awaitExit(Duration.ofSeconds(60))).isNotZero();
            assertThat(service.output()).contains("cancel.api.keys");
        }
    }

    @Test
    void refusesToStartWithAnUnknownProviderInARoutingRule() throws Exception {
        Map<String, String> properties = PackagedService.embeddedBroker();
        properties.put("cancel.api.keys", "k");
        properties.put("cancel.routing.default-provider", "paypal");
        try (PackagedService service = PackagedService.start(properties)) {
            assertThat(service.awaitExit(Duration.ofSeconds(60))).isNotZero();
            assertThat(service.output()).contains("cancel.routing.default-provider names unknown provider 'paypal'");
        }
    }

    @Test
    void refusesToStartWithADelimiterTheCsvReaderCannotTellApart() throws Exception {
        Map<String, String> properties = PackagedService.withSimulator(PackagedService.freePort());
        properties.put("cancel.file.delimiter", "\"");
        try (PackagedService service = PackagedService.start(properties)) {
            assertThat(service.awaitExit(Duration.ofSeconds(60))).isNotZero();
            assertThat(service.output()).contains("cancel.file.delimiter must be one ASCII character other than a "
                    + "quote, a space or a line break, was U+0022");
        }
    }

    @Test
    void refusesToStartWithAProviderDeadlineAsLongAsTheTakeoverOfAStaleClaim() throws Exception {
        Map<String, String> properties = PackagedService.withSimulator(PackagedService.freePort());
        properties.put("cancel.providers.juspay-payout.deadline", "3m");
        try (PackagedService service = PackagedService.start(properties)) {
            assertThat(service.awaitExit(Duration.ofSeconds(60))).isNotZero();
            assertThat(service.output()).contains("cancel.providers.juspay-payout.deadline (PT3M) must be shorter "
                    + "than cancel.idempotency.stale-after (PT2M)");
        }
    }

    @Test
    void refusesToStartWithASettingOutsideItsRange() throws Exception {
        Map<String, String> properties = PackagedService.withSimulator(PackagedService.freePort());
        // Camel's timer would poll once and never again: no result would ever be checked.
        properties.put("cancel.sync.poll-interval", "0s");
        try (PackagedService service = PackagedService.start(properties)) {
            assertThat(service.awaitExit(Duration.ofSeconds(60))).isNotZero();
            assertThat(service.output()).contains("cancel.sync.poll-interval must be longer than 0, was PT0S");
        }
    }

    @Test
    void refusesToStartWithAnHttpIdleTimeoutThatWouldCutARestAnswerOff() throws Exception {
        Map<String, String> properties = PackagedService.withSimulator(PackagedService.freePort());
        properties.put("quarkus.http.idle-timeout", "20s");
        try (PackagedService service = PackagedService.start(properties)) {
            assertThat(service.awaitExit(Duration.ofSeconds(60))).isNotZero();
            assertThat(service.output()).contains("must be shorter than quarkus.http.idle-timeout (PT20S)");
        }
    }

    @Test
    void refusesToStartWithoutTheEmbeddedBrokersUserNamingTheProperties() throws Exception {
        try (PackagedService service = PackagedService.start(Map.of("cancel.api.keys", "k",
                "quarkus.artemis.url", "tcp://localhost:" + PackagedService.freePort()))) {
            assertThat(service.awaitExit(Duration.ofSeconds(60))).isNotZero();
            assertThat(service.output()).contains("quarkus.artemis.username").contains("quarkus.artemis.password");
        }
    }

    @Test
    void answersJmsRequestsThroughItsEmbeddedBroker() throws Exception {
        int port = PackagedService.freePort();
        Map<String, String> properties = PackagedService.withSimulator(port);
        try (PackagedService service = PackagedService.start(properties)) {
            service.awaitReady(Duration.ofSeconds(60));
            try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                    properties.get("quarkus.artemis.url"), properties.get("quarkus.artemis.username"),
                    properties.get("quarkus.artemis.password"));
                    JMSContext erp = factory.createContext()) {
                TextMessage request = erp.createTextMessage(
                        "{\"provider\":\"kwikpaisa\",\"reference\":\"6116229263036\"}");
                erp.createProducer().send(erp.createQueue("cancel.requests"), request);
                try (JMSConsumer results = erp.createConsumer(erp.createQueue("cancel.results"),
                        "JMSCorrelationID = '" + request.getJMSMessageID() + "'")) {
                    Message result = results.receive(30_000);
                    assertThat(result).isNotNull();
                    assertThat(result.getStringProperty("outcome")).isEqualTo("CANCELLED");
                    assertThat(result.getBody(String.class)).contains("\"channel\":\"jms\"");
                }
            }
        }
    }

    @Test
    void aStopTurnsReadinessDownAndAnswersTheRestCallsInFlight(@TempDir Path dataDir) throws Exception {
        try (HyperswitchStub provider = HyperswitchStub.start(10_000)) {
            Map<String, String> properties = PackagedService.withSimulator(dataDir);
            properties.putAll(provider.providerConfiguration());
            try (PackagedService service = PackagedService.start(properties)) {
                service.awaitReady(Duration.ofSeconds(60));
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                Instant sent = Instant.now();
                CompletableFuture<HttpResponse<String>> answer = http.sendAsync(
                        HttpRequest.newBuilder(service.uri("/api/v1/cancellations")).header("X-Api-Key", "it-key")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"provider\":\"hyperswitch\",\"reference\":\"pay_stop\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                await().atMost(Duration.ofSeconds(10)).until(() -> provider.callsSince(sent) > 0);

                service.signalStop();
                // While the provider still holds the call (10 s): no longer ready, so no new work is routed here.
                await().atMost(Duration.ofSeconds(6)).until(() -> !ready(http, service));
                assertThat(answer).as("the call in flight, still waiting for its provider").isNotDone();

                HttpResponse<String> answered = answer.get(30, TimeUnit.SECONDS);
                assertThat(answered.statusCode()).isEqualTo(200);
                assertThat(answered.body()).contains("\"outcome\":\"CANCELLED\"");
                service.awaitExit(Duration.ofSeconds(60));
            }
        }
    }

    private static boolean ready(HttpClient http, PackagedService service) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(service.uri("/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException refused) {
            return false;
        }
    }

    @Test
    void isReadyWhileAFileFoundInTheInboxAtStartIsStillBeingProcessed(@TempDir Path dataDir) throws Exception {
        Path inbox = Files.createDirectories(dataDir.resolve("inbox"));
        StringBuilder csv = new StringBuilder("provider,reference\n");
        for (int row = 1; row <= 400; row++) {
            csv.append("kwikpaisa,restart-").append(row).append('\n');
        }
        Files.writeString(inbox.resolve("left-at-restart.csv"), csv);
        Map<String, String> properties = PackagedService.withSimulator(dataDir);
        properties.put("cancel.simulator.latency-ms", "100");
        properties.put("cancel.file.concurrency", "2");
        properties.put("cancel.file.settle", "0s");
        try (PackagedService service = PackagedService.start(properties)) {
            // 400 rows two at a time at 100 ms take 20 s; readiness must not wait for them.
            service.awaitReady(Duration.ofSeconds(60));

            assertThat(dataDir.resolve("outbox").resolve("left-at-restart.results.csv"))
                    .as("the file is still being processed when the service reports ready").doesNotExist();
            assertThat(inbox.resolve("left-at-restart.csv")).exists();
        }
    }

    @Test
    void loadsRoutesFromAFileLocationAtRunTime(@TempDir Path routes) throws Exception {
        Path packaged = Path.of(System.getProperty("cancel.routes-dir", "routes"));
        try (var files = Files.list(packaged)) {
            for (Path file : files.toList()) {
                Files.writeString(routes.resolve(file.getFileName()),
                        Files.readString(file).replace("path: /api/v1\n", "path: /api/v1-edited\n"));
            }
        }
        int port = PackagedService.freePort();
        Map<String, String> properties = PackagedService.withSimulator(port);
        properties.put("camel.main.routes-include-pattern", "file:" + routes + "/*.yaml");
        try (PackagedService service = PackagedService.start(properties)) {
            service.awaitReady(Duration.ofSeconds(60));
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(service.uri("/api/v1-edited/cancellations"))
                    .header("X-Api-Key", "it-key")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"provider\":\"kwikpaisa\",\"reference\":\"6116229263036\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"outcome\":\"CANCELLED\"").contains("\"channel\":\"rest\"");
        }
    }
}

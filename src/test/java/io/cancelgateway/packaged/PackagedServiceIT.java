package io.cancelgateway.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

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

package io.cancelgateway.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

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
        try (PackagedService service = PackagedService.start(Map.of("cancel.api.keys", "k",
                "cancel.routing.default-provider", "paypal"))) {
            assertThat(service.awaitExit(Duration.ofSeconds(60))).isNotZero();
            assertThat(service.output()).contains("cancel.routing.default-provider names unknown provider 'paypal'");
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
        properties.put("quarkus.http.port", String.valueOf(port));
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

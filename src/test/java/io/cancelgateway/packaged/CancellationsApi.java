package io.cancelgateway.packaged;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The REST channel and the simulator's call counter of a running packaged service, as a caller uses them. */
final class CancellationsApi {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final PackagedService service;
    private final String apiKey;

    CancellationsApi(PackagedService service, String apiKey) {
        this.service = service;
        this.apiKey = apiKey;
    }

    /** POST /api/v1/cancellations, with an Idempotency-Key header unless it is null. */
    Answer cancel(String body, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri("/api/v1/cancellations"))
                .timeout(Duration.ofSeconds(30))
                .header("X-Api-Key", apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    /** GET on a path of the REST channel, e.g. {@code /api/v1/cancellations/{id}}. */
    Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(30))
                .header("X-Api-Key", apiKey).GET());
    }

    /** How many cancel calls for the reference reached this service's own simulator. */
    int simulatedCalls(String provider, String reference) throws IOException, InterruptedException {
        Answer answer = send(HttpRequest.newBuilder(service.uri("/simulator/calls?provider=" + encode(provider)
                + "&reference=" + encode(reference))).GET());
        if (answer.status() != 200) {
            throw new IllegalStateException("/simulator/calls answered " + answer.status() + ": " + answer.body());
        }
        return answer.json().get("calls").asInt();
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    record Answer(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException notJson) {
                throw new IllegalStateException("the answer is not JSON: " + body, notJson);
            }
        }
    }
}

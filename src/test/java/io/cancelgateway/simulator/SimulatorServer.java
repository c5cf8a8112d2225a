package io.cancelgateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The simulator on a real HTTP server on a free port, with a client to call it. */
final class SimulatorServer implements AutoCloseable {

    static final String JUSPAY_KEY = "sim_juspay_key";
    static final String KWIKPAISA_KEY = "pk_sim_kwikpaisa";
    static final String KWIKPAISA_SECRET = "sk_sim_kwikpaisa";
    static final String HYPERSWITCH_KEY = "snd_sim_hyperswitch";
    static final long SLOW_MS = 300;
    static final Duration PAYOUT_CANCEL_DELAY = Duration.ofSeconds(10);
    static final Duration PENDING_DELAY = Duration.ofSeconds(20);
    static final Instant NOW = Instant.parse("2026-05-13T03:44:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private SimulatorServer(Vertx vertx, int port) {
        this.vertx = vertx;
        this.port = port;
    }

    /** No latency, the test slow wait, and a clock stopped at {@link #NOW}. */
    static SimulatorServer start() throws Exception {
        return start(0, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static SimulatorServer start(long latencyMs, Clock clock) throws Exception {
        SimulatorSettings settings =
                new SimulatorSettings(latencyMs, SLOW_MS, PAYOUT_CANCEL_DELAY, PENDING_DELAY, JUSPAY_KEY, KWIKPAISA_KEY,
                        KWIKPAISA_SECRET, HYPERSWITCH_KEY);
        Vertx vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new SimulatorRoutes(settings, new SimulatedTargets(1_000), clock).mount(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router)
                .listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return new SimulatorServer(vertx, server.actualPort());
    }

    /** POST with the body (none when null) and header name/value pairs. */
    HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET with header name/value pairs. */
    HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    int calls(String provider, String reference) throws Exception {
        return json(get("/simulator/calls?provider=" + provider + "&reference=" + reference).body()).get("calls").asInt();
    }

    int statusCalls(String provider, String reference) throws Exception {
        return json(get("/simulator/calls?provider=" + provider + "&reference=" + reference).body())
                .get("status_calls").asInt();
    }

    static JsonNode json(String body) throws Exception {
        return JSON.readTree(body);
    }

    /** Lowercase hex HMAC-SHA256 over exactly the given text, computed here without the simulator's code. */
    static String hmacHex(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal(message.getBytes(StandardCharsets.UTF_8))) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}

package io.cancelgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator against a real HTTP server (the JDK's), answering with a length or in chunks. */
class ClosedLoopLoadTest {

    private HttpServer server;
    private ExecutorService threads;
    private final Set<String> bodies = ConcurrentHashMap.newKeySet();
    private final Set<String> connections = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 100);
        threads = Executors.newFixedThreadPool(8);
        server.setExecutor(threads);
        server.createContext("/fixed", exchange -> answer(exchange, 200, false));
        server.createContext("/chunked", exchange -> answer(exchange, 200, true));
        server.createContext("/refused", exchange -> answer(exchange, 503, false));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        threads.shutdownNow();
    }

    @Test
    void sendsEveryRequestOnceOverKeptAliveConnections() throws Exception {
        ClosedLoopLoad load = new ClosedLoopLoad("localhost", server.getAddress().getPort(), 4);

        ClosedLoopLoad.Outcome outcome = load.run(200,
                i -> new HttpCall(i % 2 == 0 ? "/fixed" : "/chunked", Map.of("X-Api-Key", "k"), "{\"n\":" + i + "}"),
                200);

        assertThat(outcome.errors()).isZero();
        assertThat(outcome.latenciesNanos()).hasSize(200).doesNotContain(0L);
        assertThat(bodies).hasSize(200).contains("{\"n\":0}", "{\"n\":199}");
        assertThat(connections).as("one connection per sender").hasSize(4);
        assertThat(outcome.throughput()).isPositive();
        assertThat(outcome.percentiles().p99Ms()).isPositive();
    }

    @Test
    void anUnexpectedStatusIsAnErrorAndNotALatency() throws Exception {
        ClosedLoopLoad load = new ClosedLoopLoad("localhost", server.getAddress().getPort(), 2);

        ClosedLoopLoad.Outcome outcome = load.run(10,
                i -> new HttpCall(i < 3 ? "/refused" : "/fixed", Map.of(), "{}"), 200);

        assertThat(outcome.errors()).isEqualTo(3);
        assertThat(outcome.latenciesNanos()).hasSize(7);
        assertThat(outcome.firstError()).startsWith("HTTP 503 from /refused: answer to {}");
    }

    @Test
    void aServerThatIsNotThereGivesErrors() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0);

        ClosedLoopLoad.Outcome outcome = new ClosedLoopLoad("localhost", port, 2).run(4,
                i -> new HttpCall("/fixed", Map.of(), "{}"), 200);

        assertThat(outcome.errors()).isEqualTo(4);
        assertThat(outcome.latenciesNanos()).isEmpty();
        assertThat(outcome.firstError()).contains("Connect");
    }

    private void answer(HttpExchange exchange, int status, boolean chunked) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        bodies.add(body);
        connections.add(exchange.getRemoteAddress().toString());
        byte[] answer = ("answer to " + body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, chunked ? 0 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }
}

package io.cancelgateway.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cancelgateway.journal.TestPostgres;

/**
 * Two packaged instances on one PostgreSQL journal, each with its own simulator: the same request sent to both at once
 * reaches a provider exactly once, and every caller gets that one result.
 */
@ExtendWith(TestPostgres.class)
class SharedPostgresIT {

    private static final String API_KEY = "it-key";
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final int REQUEST_IDS = 6;
    private static final int CALLERS_PER_INSTANCE = 4;

    @Test
    void theSameRequestSentToBothInstancesAtOnceReachesTheProviderOnce() throws Exception {
        String schema = TestPostgres.newSchema();
        try {
            // Started together: the second instance's Flyway must cope with the first one migrating the same schema.
            try (PackagedService first = PackagedService.start(properties(schema));
                    PackagedService second = PackagedService.start(properties(schema))) {
                first.awaitReady(STARTUP);
                second.awaitReady(STARTUP);
                race(List.of(new CancellationsApi(first, API_KEY), new CancellationsApi(second, API_KEY)));
            }
        } finally {
            drop(schema);
        }
    }

    private static void race(List<CancellationsApi> instances) throws Exception {
        for (int i = 0; i < instances.size(); i++) {
            // Warms up both sides, so that the race below is not decided by a cold first request.
            String warmUp = "warm-up-" + i;
            assertThat(instances.get(i).cancel(body(warmUp, "kwikpaisa", warmUp), null).status()).isEqualTo(200);
        }

        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < REQUEST_IDS; i++) {
            String provider = i % 2 == 0 ? "kwikpaisa" : "hyperswitch";
            requests.add(new Request("race-" + i, provider, "race-target-" + i));
        }
        Map<Request, List<Future<Timed>>> answers = new LinkedHashMap<>();
        int callers = REQUEST_IDS * instances.size() * CALLERS_PER_INSTANCE;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            for (Request request : requests) {
                List<Future<Timed>> sent = new ArrayList<>();
                for (CancellationsApi instance : instances) {
                    for (int caller = 0; caller < CALLERS_PER_INSTANCE; caller++) {
                        sent.add(pool.submit(() -> {
                            go.await();
                            long sentAt = System.nanoTime();
                            CancellationsApi.Answer answer = instance.cancel(request.body(), null);
                            return new Timed(answer, sentAt, System.nanoTime());
                        }));
                    }
                }
                answers.put(request, sent);
            }
            go.countDown();

            for (Map.Entry<Request, List<Future<Timed>>> entry : answers.entrySet()) {
                Request request = entry.getKey();
                List<Timed> timed = new ArrayList<>();
                for (Future<Timed> future : entry.getValue()) {
                    timed.add(future.get(45, TimeUnit.SECONDS));
                }
                assertOneRun(request, timed, instances);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneRun(Request request, List<Timed> timed, List<CancellationsApi> instances)
            throws Exception {
        String id = request.requestId();
        // Every caller had sent its request before any answer came back: they all raced the one run.
        long lastSent = timed.stream().mapToLong(Timed::sentAt).max().orElseThrow();
        long firstAnswered = timed.stream().mapToLong(Timed::answeredAt).min().orElseThrow();
        assertThat(lastSent).as("%s: the last request was sent before the first answer", id).isLessThan(firstAnswered);

        List<CancellationsApi.Answer> answers = timed.stream().map(Timed::answer).toList();
        assertThat(answers).as(id).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(200));
        List<JsonNode> bodies = answers.stream().map(CancellationsApi.Answer::json).toList();
        List<JsonNode> runs = bodies.stream().filter(body -> !body.get("replayed").asBoolean()).toList();
        assertThat(runs).as("%s: answers not replayed", id).hasSize(1);
        JsonNode result = runs.get(0);
        assertThat(result.get("outcome").asText()).as(id).isEqualTo("CANCELLED");
        assertThat(result.get("request_id").asText()).isEqualTo(id);
        JsonNode replay = ((ObjectNode) result.deepCopy()).put("replayed", true);
        assertThat(bodies).as("%s: every other answer is the one result, replayed", id)
                .filteredOn(body -> body.get("replayed").asBoolean())
                .hasSize(answers.size() - 1)
                .allSatisfy(body -> assertThat(body).isEqualTo(replay));

        int calls = 0;
        for (CancellationsApi instance : instances) {
            calls += instance.simulatedCalls(request.provider(), request.reference());
        }
        assertThat(calls).as("%s: provider calls over both instances", id).isEqualTo(1);

        for (CancellationsApi instance : instances) {
            CancellationsApi.Answer stored = instance.get("/api/v1/cancellations/" + id);
            assertThat(stored.status()).as(stored.body()).isEqualTo(200);
            assertThat(stored.json()).as(id).isEqualTo(result);
        }
    }

    private static Map<String, String> properties(String schema) throws Exception {
        int port = PackagedService.freePort();
        Map<String, String> properties = PackagedService.withSimulator(port);
        properties.put("quarkus.datasource.jdbc.url", TestPostgres.urlFor(schema));
        properties.put("quarkus.datasource.username", TestPostgres.USER);
        // Long enough that the callers' requests overlap the run that reaches the provider.
        properties.put("cancel.simulator.latency-ms", "1000");
        return properties;
    }

    private static String body(String requestId, String provider, String reference) {
        return CancellationsApi.JSON.createObjectNode().put("request_id", requestId).put("provider", provider)
                .put("reference", reference).toString();
    }

    private static void drop(String schema) throws Exception {
        try (Connection connection = DriverManager.getConnection(TestPostgres.URL, TestPostgres.USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private record Request(String requestId, String provider, String reference) {

        String body() {
            return SharedPostgresIT.body(requestId, provider, reference);
        }
    }

    private record Timed(CancellationsApi.Answer answer, long sentAt, long answeredAt) {
    }
}

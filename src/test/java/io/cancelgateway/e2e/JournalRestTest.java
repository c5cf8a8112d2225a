package io.cancelgateway.e2e;

import static io.cancelgateway.e2e.RestCancelTest.API_KEY;
import static io.cancelgateway.e2e.RestCancelTest.cancel;
import static io.cancelgateway.e2e.RestCancelTest.simulatorCalls;
import static io.cancelgateway.e2e.RestCancelTest.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.cancelgateway.journal.CancelJournal;
import io.cancelgateway.journal.Claim;
import io.cancelgateway.journal.CompactJournalFile;
import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.Channel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Idempotency and the journal through the REST channel, on the embedded H2 database; {@link JournalRestPostgresTest}
 * runs the same tests on PostgreSQL.
 */
@QuarkusTest
class JournalRestTest {

    @Inject
    CancelJournal journal;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    CamelContext camel;

    @Test
    void aRepeatOfAFinalResultIsReplayedWithoutCallingTheProvider() {
        String id = unique("replay-");
        String reference = unique("ref");
        JsonPath first = cancel(Map.of("request_id", id, "provider", "kwikpaisa", "reference", reference))
                .statusCode(200).body("replayed", equalTo(false)).extract().jsonPath();
        JsonPath again = cancel(Map.of("request_id", id, "provider", "kwikpaisa", "reference", reference))
                .statusCode(200).body("replayed", equalTo(true)).extract().jsonPath();

        assertThat(again.getString("outcome")).isEqualTo("CANCELLED");
        assertThat(again.getString("completed_at")).isEqualTo(first.getString("completed_at"));
        assertThat(again.getString("cancelled_at")).isEqualTo(first.getString("cancelled_at"));
        assertThat(simulatorCalls("kwikpaisa", reference)).isEqualTo(1);
    }

    @Test
    void theIdempotencyKeyHeaderWinsOverTheBody() {
        String key = unique("key-");
        String reference = unique("ref");
        for (int i = 0; i < 2; i++) {
            given().header("X-Api-Key", API_KEY).header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(Map.of("request_id", unique("body-"), "provider", "hyperswitch", "reference", reference))
                    .when().post("/api/v1/cancellations")
                    .then().statusCode(200).body("request_id", equalTo(key)).body("replayed", equalTo(i == 1));
        }
        assertThat(simulatorCalls("hyperswitch", reference)).isEqualTo(1);
    }

    @Test
    void twentyConcurrentDuplicatesMakeExactlyOneProviderCall() throws Exception {
        String id = unique("burst-");
        String reference = unique("slow-");
        Map<String, String> request = Map.of("request_id", id, "provider", "hyperswitch", "reference", reference);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonPath>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return cancel(request).statusCode(200).extract().jsonPath();
                }));
            }
            start.countDown();
            List<JsonPath> results = new ArrayList<>();
            for (Future<JsonPath> answer : answers) {
                results.add(answer.get());
            }
            assertThat(results).extracting(r -> r.getString("outcome")).containsOnly("CANCELLED");
            assertThat(results).filteredOn(r -> !r.getBoolean("replayed")).hasSize(1);
            assertThat(simulatorCalls("hyperswitch", reference)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void errorsAreAttemptedAgainWhenTheSameKeyComesBack() {
        String id = unique("err-");
        String reference = unique("down-");
        Map<String, String> request = Map.of("request_id", id, "provider", "kwikpaisa", "reference", reference);
        cancel(request).statusCode(502).body("outcome", equalTo("ERROR")).body("attempts", equalTo(3));
        cancel(request).statusCode(502).body("outcome", equalTo("ERROR")).body("replayed", equalTo(false));
        assertThat(simulatorCalls("kwikpaisa", reference)).isEqualTo(6);
    }

    @Test
    void theRetryEndpointAttemptsAnErrorAgainAndRefusesAFinalResult() {
        String failedId = unique("retry-");
        String failedReference = unique("down-");
        cancel(Map.of("request_id", failedId, "provider", "hyperswitch", "reference", failedReference))
                .statusCode(502);
        given().header("X-Api-Key", API_KEY).when().post("/api/v1/cancellations/{id}/retry", failedId)
                .then().statusCode(502).body("outcome", equalTo("ERROR")).body("request_id", equalTo(failedId))
                .body("replayed", equalTo(false)).body("channel", equalTo("rest"));
        assertThat(simulatorCalls("hyperswitch", failedReference)).isEqualTo(6);

        String doneId = unique("done-");
        String doneReference = unique("ref");
        cancel(Map.of("request_id", doneId, "provider", "hyperswitch", "reference", doneReference)).statusCode(200);
        given().header("X-Api-Key", API_KEY).when().post("/api/v1/cancellations/{id}/retry", doneId)
                .then().statusCode(409).body("outcome", equalTo("CANCELLED")).body("request_id", equalTo(doneId))
                .body("replayed", equalTo(true));
        assertThat(simulatorCalls("hyperswitch", doneReference)).isEqualTo(1);

        given().header("X-Api-Key", API_KEY).when().post("/api/v1/cancellations/{id}/retry", unique("nobody-"))
                .then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void aStoredResultIsFoundAgainWithItsAttempts() {
        String id = unique("find-");
        String reference = unique("flaky-");
        cancel(Map.of("request_id", id, "provider", "kwikpaisa", "reference", reference)).statusCode(200);

        given().header("X-Api-Key", API_KEY).when().get("/api/v1/cancellations/{id}", id)
                .then().statusCode(200).header("Cache-Control", "no-store")
                .body("request_id", equalTo(id)).body("outcome", equalTo("CANCELLED"))
                .body("attempts", equalTo(2)).body("replayed", equalTo(false));
        String attempts = given().header("X-Api-Key", API_KEY).when().get("/api/v1/cancellations/{id}/attempts", id)
                .then().statusCode(200).body("items", hasSize(2))
                .body("items[0].http_status", equalTo(503)).body("items[1].http_status", equalTo(200))
                .body("items[1].response_body", not(nullValue()))
                .extract().asString();
        assertThat(attempts).doesNotContain("pk_sim_kwikpaisa").doesNotContain("sk_sim_kwikpaisa");

        given().header("X-Api-Key", API_KEY).when().get("/api/v1/cancellations/{id}", unique("nobody-"))
                .then().statusCode(404).body("error", equalTo("not_found"));
        given().when().get("/api/v1/cancellations/{id}", id).then().statusCode(401);
    }

    @Test
    void theListIsNewestFirstFilteredAndPaged() {
        String merchant = unique("m-");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = unique("list" + i + "-");
            ids.add(0, id);
            cancel(Map.of("request_id", id, "provider", "hyperswitch", "merchant_id", merchant,
                    "reference", unique(i == 4 ? "missing-" : "ref"))).statusCode(i == 4 ? 404 : 200);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().header("X-Api-Key", API_KEY).queryParam("merchant_id", merchant)
                    .queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/v1/cancellations").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.request_id"));
            cursor = page.getString("next");
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(pages).isEqualTo(3);

        given().header("X-Api-Key", API_KEY).queryParam("merchant_id", merchant).queryParam("outcome", "NOT_FOUND")
                .when().get("/api/v1/cancellations")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].request_id", equalTo(ids.get(0)))
                .body("next", nullValue());
        given().header("X-Api-Key", API_KEY).queryParam("merchant_id", merchant).queryParam("channel", "jms")
                .when().get("/api/v1/cancellations").then().statusCode(200).body("items", hasSize(0));
        given().header("X-Api-Key", API_KEY).queryParam("merchant_id", merchant)
                .queryParam("since", "2999-01-01T00:00:00Z")
                .when().get("/api/v1/cancellations").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void badListParametersAreClearErrors() {
        given().header("X-Api-Key", API_KEY).queryParam("limit", 501).when().get("/api/v1/cancellations")
                .then().statusCode(400).body("error", equalTo("bad_parameter"))
                .body("detail", equalTo("limit must be a whole number from 1 to 500, was 501"));
        given().header("X-Api-Key", API_KEY).queryParam("since", "yesterday").when().get("/api/v1/cancellations")
                .then().statusCode(400).body("error", equalTo("bad_parameter"));
        given().header("X-Api-Key", API_KEY).queryParam("outcome", "DONE").when().get("/api/v1/cancellations")
                .then().statusCode(400).body("error", equalTo("bad_parameter"));
        given().header("X-Api-Key", API_KEY).queryParam("cursor", "not-a-cursor").when().get("/api/v1/cancellations")
                .then().statusCode(400).body("error", equalTo("bad_parameter"));
        // Which one the caller meant is unknown: neither is taken.
        given().header("X-Api-Key", API_KEY).queryParam("outcome", "ERROR", "CANCELLED")
                .when().get("/api/v1/cancellations")
                .then().statusCode(400).body("error", equalTo("bad_parameter"))
                .body("detail", equalTo("outcome is given more than once"));
        given().header("X-Api-Key", API_KEY).queryParam("limit", "5", "500").when().get("/api/v1/cancellations")
                .then().statusCode(400).body("detail", equalTo("limit is given more than once"));
        // Forged cursors: the last instant Java knows, and the year 3,170,843, which PostgreSQL refuses.
        for (String receivedAt : new String[] { "31556889864403199.0", "99999999999999.0", "-62135596801.0" }) {
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString((receivedAt + ":x")
                    .getBytes(StandardCharsets.UTF_8));
            given().header("X-Api-Key", API_KEY).queryParam("cursor", cursor).when().get("/api/v1/cancellations")
                    .then().statusCode(400).body("error", equalTo("bad_parameter"))
                    .body("detail", equalTo("cursor is not one this service returned"));
        }
    }

    @Test
    void aDuplicateStillRunningAfterTheWaitIsAConflict() {
        String id = unique("held-");
        CancelRequest held = new CancelRequest(id, "hyperswitch", null, unique("ref"), null, null, null);
        assertThat(journal.claim("default", held, Channel.REST, true, Duration.ofMinutes(2))).isInstanceOf(Claim.Owned.class);

        given().header("X-Api-Key", API_KEY).when().get("/api/v1/cancellations/{id}", id)
                .then().statusCode(202).body("state", equalTo("IN_PROGRESS"));
        long started = System.nanoTime();
        cancel(Map.of("request_id", id, "provider", "hyperswitch", "reference", held.reference()))
                .statusCode(409).body("error", equalTo("in_progress"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(simulatorCalls("hyperswitch", held.reference())).isZero();
    }

    @Test
    void theRetryEndpointWaitsForARunStillGoingLikeADuplicateAndTakesOverOneCutShort() throws Exception {
        String running = unique("running-");
        CancelRequest runningRequest = new CancelRequest(running, "hyperswitch", null, unique("ref"), null, null, null);
        assertThat(journal.claim("default", runningRequest, Channel.REST, true, Duration.ofMinutes(2)))
                .isInstanceOf(Claim.Owned.class);
        // Still running after cancel.idempotency.wait: a conflict, as for a duplicate.
        given().header("X-Api-Key", API_KEY).when().post("/api/v1/cancellations/{id}/retry", running)
                .then().statusCode(409).body("error", equalTo("in_progress"));

        // A run cut short: its claim older than cancel.idempotency.stale-after (2 min), its result never stored.
        String cutShort = unique("cut-short-");
        CancelRequest cutShortRequest = new CancelRequest(cutShort, "hyperswitch", null, unique("ref"), null, null,
                null);
        assertThat(journal.claim("default", cutShortRequest, Channel.REST, true, Duration.ofMinutes(2)))
                .isInstanceOf(Claim.Owned.class);
        try (Connection connection = dataSource.getConnection();
                var age = connection.prepareStatement("UPDATE cancel_request SET claimed_at = ? WHERE request_id = ?")) {
            age.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(3));
            age.setString(2, cutShort);
            assertThat(age.executeUpdate()).isEqualTo(1);
        }

        given().header("X-Api-Key", API_KEY).when().post("/api/v1/cancellations/{id}/retry", cutShort)
                .then().statusCode(200).body("outcome", equalTo("CANCELLED")).body("request_id", equalTo(cutShort))
                .body("replayed", equalTo(false));
        assertThat(simulatorCalls("hyperswitch", cutShortRequest.reference())).isEqualTo(1);
        assertThat(simulatorCalls("hyperswitch", runningRequest.reference())).isZero();
    }

    @Test
    void theJournalsFileIsCompactedOnATimerWhereTheServiceHoldsItself() throws Exception {
        assertThat(camel.getRouteController().getRouteStatus("journal-file").isStarted()).isTrue();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(CompactJournalFile.embeddedStore(connection).isPresent()).isEqualTo(holdsJournalFile());
        }
        String fileSize = "cancel_journal_file_size_bytes ";
        if (holdsJournalFile()) {
            // Gauged from the route's first run, a second after start.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metrics()).containsPattern(
                    fileSize + "[1-9]").containsPattern("cancel_journal_file_live_percent [0-9]")
                    .containsPattern("cancel_journal_file_sync_seconds_count\\{outcome=\"synced\"} [1-9]"));
            // Synced at every run, so H2 may reuse a dead chunk's space after four runs, at least 10 s, not its 45 s;
            // the route stopped, H2 has its own again.
            // Read between runs: each gives H2 its own back while it syncs.
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(storeRetentionMs()).isEqualTo(10_000));
            camel.getRouteController().stopRoute("journal-file");
            try {
                assertThat(storeRetentionMs()).as("route stopped").isEqualTo(45_000);
            } finally {
                camel.getRouteController().startRoute("journal-file");
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> storeRetentionMs() == 10_000);
            // Suspended, the route syncs no more: its watch gives H2 its own back after half the shorter retention.
            camel.getRouteController().suspendRoute("journal-file");
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> storeRetentionMs() == 45_000);
            } finally {
                camel.getRouteController().resumeRoute("journal-file");
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> storeRetentionMs() == 10_000);
        } else {
            // Past the route's first runs (250 ms apart), the first a second after start.
            await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(12))
                    .until(() -> !metrics().contains(fileSize) && !metrics().contains("cancel_journal_file_sync"));
        }
    }

    private int storeRetentionMs() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return CompactJournalFile.embeddedStore(connection).orElseThrow().getRetentionTime();
        }
    }

    private static String metrics() {
        return Operations.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** Whether the service holds its journal's file itself (embedded H2), rather than a database server. */
    boolean holdsJournalFile() {
        return true;
    }
}

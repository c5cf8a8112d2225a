package io.cancelgateway.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The default journal, the embedded H2 database under {@code cancel.data-dir}, outlives the process: a new process on
 * the same data directory answers every stored result, and replays a repeated request without calling the provider.
 */
class JournalRestartIT {

    private static final String API_KEY = "it-key";
    private static final Duration STARTUP = Duration.ofSeconds(60);

    @TempDir
    Path data;

    @Test
    void resultsSurviveARestartAndRepeatsAreReplayedWithoutACall() throws Exception {
        int port = PackagedService.freePort();
        List<Sent> sent = new ArrayList<>();
        try (PackagedService first = start(port)) {
            CancellationsApi api = new CancellationsApi(first, API_KEY);
            sent.add(send(api, new Cancel("restart-kwikpaisa", "kwikpaisa", "6116229263036", null), 200));
            sent.add(send(api, new Cancel("restart-missing", "hyperswitch", "missing-pay_1", null), 404));
            sent.add(send(api, new Cancel("restart-body-id", "hyperswitch", "pay_restart", "restart-idempotency-key"),
                    200));
            first.stop(Duration.ofSeconds(30));
        }
        assertThat(sent).extracting(s -> s.answer().get("outcome").asText())
                .containsExactly("CANCELLED", "NOT_FOUND", "CANCELLED");
        assertThat(sent.get(2).answer().get("request_id").asText()).isEqualTo("restart-idempotency-key");

        try (PackagedService second = start(port)) {
            assertSurvived(new CancellationsApi(second, API_KEY), sent);
        }
    }

    @Test
    void resultsAnsweredBeforeACrashSurviveIt() throws Exception {
        List<Sent> sent = new ArrayList<>();
        try (PackagedService first = start(PackagedService.freePort())) {
            CancellationsApi api = new CancellationsApi(first, API_KEY);
            sent.add(send(api, new Cancel("crash-kwikpaisa", "kwikpaisa", "6116229263037", null), 200));
            sent.add(send(api, new Cancel("crash-paid", "hyperswitch", "paid-pay_2", null), 409));
            // Killed right after the last answer: what a caller was told must be on disk by then.
            sent.add(send(api, new Cancel("crash-hyperswitch", "hyperswitch", "pay_crash", null), 200));
            first.kill();
        }
        assertThat(sent).extracting(s -> s.answer().get("outcome").asText())
                .containsExactly("CANCELLED", "REJECTED", "CANCELLED");

        try (PackagedService second = start(PackagedService.freePort())) {
            assertSurvived(new CancellationsApi(second, API_KEY), sent);
        }
    }

    private PackagedService start(int port) throws Exception {
        Map<String, String> properties = PackagedService.withSimulator(port);
        properties.put("cancel.data-dir", data.toString());
        PackagedService service = PackagedService.start(properties);
        try {
            service.awaitReady(STARTUP);
        } catch (Exception notReady) {
            service.close();
            throw notReady;
        }
        return service;
    }

    private static Sent send(CancellationsApi api, Cancel cancel, int expectedStatus) throws Exception {
        CancellationsApi.Answer answer = api.cancel(cancel.body(), cancel.idempotencyKey());
        assertThat(answer.status()).as(answer.body()).isEqualTo(expectedStatus);
        assertThat(answer.json().get("replayed").asBoolean()).isFalse();
        assertThat(api.simulatedCalls(cancel.provider(), cancel.reference())).isEqualTo(1);
        return new Sent(cancel, expectedStatus, answer.json());
    }

    /** What the new process must answer about requests the previous one finished. */
    private static void assertSurvived(CancellationsApi api, List<Sent> sent) throws Exception {
        for (Sent request : sent) {
            String id = request.requestId();
            CancellationsApi.Answer stored = api.get("/api/v1/cancellations/" + id);
            assertThat(stored.status()).as(id + ": " + stored.body()).isEqualTo(200);
            assertThat(stored.json()).as(id).isEqualTo(request.answer());

            CancellationsApi.Answer attempts = api.get("/api/v1/cancellations/" + id + "/attempts");
            assertThat(attempts.status()).as(id + ": " + attempts.body()).isEqualTo(200);
            assertThat(attempts.json().get("items")).as(id).hasSize(request.answer().get("attempts").asInt());
        }

        CancellationsApi.Answer list = api.get("/api/v1/cancellations");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().get("items")).containsExactlyInAnyOrderElementsOf(
                sent.stream().map(Sent::answer).toList());

        for (Sent request : sent) {
            Cancel cancel = request.cancel();
            CancellationsApi.Answer repeat = api.cancel(cancel.body(), cancel.idempotencyKey());
            assertThat(repeat.status()).as(repeat.body()).isEqualTo(request.status());
            assertThat(repeat.json()).isEqualTo(((ObjectNode) request.answer().deepCopy()).put("replayed", true));
            assertThat(api.simulatedCalls(cancel.provider(), cancel.reference()))
                    .as("calls to %s for %s after the restart", cancel.provider(), cancel.reference()).isZero();
        }
    }

    private record Cancel(String bodyRequestId, String provider, String reference, String idempotencyKey) {

        String body() {
            return CancellationsApi.JSON.createObjectNode().put("request_id", bodyRequestId).put("provider", provider)
                    .put("reference", reference).toString();
        }

        String requestId() {
            return idempotencyKey == null ? bodyRequestId : idempotencyKey;
        }
    }

    private record Sent(Cancel cancel, int status, JsonNode answer) {

        String requestId() {
            return cancel.requestId();
        }
    }
}

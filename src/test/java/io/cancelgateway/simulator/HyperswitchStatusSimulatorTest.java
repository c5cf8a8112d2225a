package io.cancelgateway.simulator;

import static io.cancelgateway.simulator.JuspayOrderSimulatorTest.unique;
import static io.cancelgateway.simulator.SimulatorServer.HYPERSWITCH_KEY;
import static io.cancelgateway.simulator.SimulatorServer.NOW;
import static io.cancelgateway.simulator.SimulatorServer.PENDING_DELAY;
import static io.cancelgateway.simulator.SimulatorServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cancelgateway.journal.AdjustableClock;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.ProviderVerdict;
import io.cancelgateway.provider.hyperswitch.HyperswitchApi;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated payment retrieve, consistent with the cancels made before it, and the {@code pending-} scenario. */
class HyperswitchStatusSimulatorTest {

    private static final String REASON = "{\"cancellation_reason\":\"requested_by_customer\"}";
    private static final String UNAUTHORIZED = "{\"error\":{\"type\":\"invalid_request\","
            + "\"message\":\"API key not provided or invalid API key used\",\"code\":\"IR_01\"}}";

    private final AdjustableClock clock = new AdjustableClock(NOW);
    private SimulatorServer server;

    @BeforeEach
    void start() throws Exception {
        server = SimulatorServer.start(0, clock);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void showsAPaymentNeverCancelledAwaitingCapture() throws Exception {
        String ref = unique("pay_");

        HttpResponse<String> response = retrieve(ref, HYPERSWITCH_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode payment = json(response.body());
        assertThat(payment.get("payment_id").asText()).isEqualTo(ref);
        assertThat(payment.get("status").asText()).isEqualTo("requires_capture");
        assertThat(payment.get("amount_capturable").asInt()).isEqualTo(6540);
        assertThat(gatewayReads(ref, response).outcome()).isEqualTo(Outcome.PENDING);
    }

    @Test
    void showsACancelledPaymentCancelledSinceItsCancelCall() throws Exception {
        String ref = unique("pay_");
        cancel(ref);
        clock.advance(Duration.ofMinutes(1));

        HttpResponse<String> response = retrieve(ref, HYPERSWITCH_KEY);

        JsonNode payment = json(response.body());
        assertThat(payment.get("status").asText()).isEqualTo("cancelled");
        assertThat(payment.get("modified_at").asText()).isEqualTo("2026-05-13T03:44:00Z");
        assertThat(payment.get("created").asText()).isEqualTo("2026-05-13T03:40:00Z");
        assertThat(gatewayReads(ref, response)).isEqualTo(new ProviderVerdict(Outcome.CANCELLED, "cancelled", null,
                null, "2026-05-13T03:44:00Z"));
    }

    @Test
    void showsAPaidPaymentSucceededWhichTheGatewayReadsAsRejected() throws Exception {
        String ref = unique("paid-");
        cancel(ref);

        HttpResponse<String> response = retrieve(ref, HYPERSWITCH_KEY);

        assertThat(json(response.body()).get("status").asText()).isEqualTo("succeeded");
        assertThat(gatewayReads(ref, response).outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void answersNotFoundForAMissingPaymentAsItsCancelDoes() throws Exception {
        HttpResponse<String> response = retrieve(unique("missing-"), HYPERSWITCH_KEY);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":{\"type\":\"invalid_request\","
                + "\"message\":\"Payment does not exist in our records\",\"code\":\"HE_02\"}}");
    }

    @Test
    void answersAPendingCancelProcessingThenCancelledOnceTheDelayHasPassed() throws Exception {
        String ref = unique("pending-");

        HttpResponse<String> cancel = cancel(ref);
        HttpResponse<String> during = retrieve(ref, HYPERSWITCH_KEY);
        HttpResponse<String> repeatDuring = cancel(ref);
        clock.advance(PENDING_DELAY.minusMillis(1));
        JsonNode justBefore = json(retrieve(ref, HYPERSWITCH_KEY).body());
        clock.advance(Duration.ofMillis(1));
        HttpResponse<String> after = retrieve(ref, HYPERSWITCH_KEY);
        HttpResponse<String> repeatAfter = cancel(ref);

        assertThat(cancel.statusCode()).isEqualTo(200);
        assertThat(json(cancel.body()).get("status").asText()).isEqualTo("processing");
        assertThat(json(cancel.body()).get("cancellation_reason").asText()).isEqualTo("requested_by_customer");
        assertThat(json(during.body()).get("status").asText()).isEqualTo("processing");
        assertThat(gatewayReads(ref, during).outcome()).isEqualTo(Outcome.PENDING);
        assertThat(repeatDuring.statusCode()).isEqualTo(400);
        assertThat(json(repeatDuring.body()).at("/error/message").asText())
                .isEqualTo("You cannot cancel this payment because it has status processing");
        assertThat(justBefore.get("status").asText()).isEqualTo("processing");
        assertThat(json(after.body()).get("status").asText()).isEqualTo("cancelled");
        assertThat(json(after.body()).get("modified_at").asText()).isEqualTo("2026-05-13T03:44:20Z");
        assertThat(gatewayReads(ref, after)).isEqualTo(new ProviderVerdict(Outcome.CANCELLED, "cancelled", null, null,
                "2026-05-13T03:44:20Z"));
        assertThat(repeatAfter.body()).isEqualTo("{\"error\":{\"type\":\"invalid_request\",\"message\":"
                + "\"You cannot cancel this payment because it has status cancelled\",\"code\":\"IR_16\"}}");
    }

    @Test
    void showsAPendingPaymentNeverCancelledAwaitingCapture() throws Exception {
        assertThat(json(retrieve(unique("pending-"), HYPERSWITCH_KEY).body()).get("status").asText())
                .isEqualTo("requires_capture");
    }

    @Test
    void failsAFlakyPaymentsFirstRetrieveEvenAfterItsCancelFailedOnce() throws Exception {
        String ref = unique("flaky-");
        assertThat(cancel(ref).statusCode()).isEqualTo(503);
        assertThat(cancel(ref).statusCode()).isEqualTo(200);

        HttpResponse<String> first = retrieve(ref, HYPERSWITCH_KEY);
        HttpResponse<String> second = retrieve(ref, HYPERSWITCH_KEY);

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.body()).isEqualTo("{\"error\":{\"type\":\"api\",\"message\":\"Something went wrong\","
                + "\"code\":\"HE_00\"}}");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second.body()).get("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void failsADownPaymentEveryTime() throws Exception {
        String ref = unique("down-");

        for (int call = 0; call < 2; call++) {
            assertThat(retrieve(ref, HYPERSWITCH_KEY).statusCode()).isEqualTo(500);
        }
    }

    @Test
    void answersASlowPaymentAfterTheSlowWait() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = retrieve(unique("slow-"), HYPERSWITCH_KEY);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(SimulatorServer.SLOW_MS);
    }

    @Test
    void refusesAWrongOrMissingKeyAsTheCancelDoes() throws Exception {
        String ref = unique("pay_");

        HttpResponse<String> wrong = retrieve(ref, "snd_wrong");
        HttpResponse<String> missing = server.get(path(ref));
        HttpResponse<String> bearer = server.get(path(ref), "Authorization", "Bearer " + HYPERSWITCH_KEY);

        for (HttpResponse<String> response : List.of(wrong, missing, bearer)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo(UNAUTHORIZED);
        }
    }

    @Test
    void countsRetrievesApartFromCancels() throws Exception {
        String ref = unique("pay_");

        cancel(ref);
        retrieve(ref, HYPERSWITCH_KEY);
        retrieve(ref, "snd_wrong");

        assertThat(server.calls("hyperswitch", ref)).isEqualTo(1);
        assertThat(server.statusCalls("hyperswitch", ref)).isEqualTo(2);
    }

    private static ProviderVerdict gatewayReads(String ref, HttpResponse<String> response) {
        return new HyperswitchApi().statusApi().orElseThrow()
                .translateStatus(new CancelTarget(ref, null, null, null, null), response.statusCode(), response.body());
    }

    private HttpResponse<String> cancel(String ref) throws Exception {
        return server.post("/simulator/hyperswitch/payments/" + ref + "/cancel", REASON,
                "api-key", HYPERSWITCH_KEY, "Content-Type", "application/json");
    }

    private HttpResponse<String> retrieve(String ref, String apiKey) throws Exception {
        return server.get(path(ref), "api-key", apiKey, "Accept", "application/json");
    }

    private static String path(String ref) {
        return "/simulator/hyperswitch/payments/" + ref + "?force_sync=true";
    }
}

package io.cancelgateway.simulator;

import static io.cancelgateway.simulator.JuspayOrderSimulatorTest.unique;
import static io.cancelgateway.simulator.SimulatorServer.HYPERSWITCH_KEY;
import static io.cancelgateway.simulator.SimulatorServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HyperswitchSimulatorTest {

    private static final String REASON = "{\"cancellation_reason\":\"requested_by_customer\"}";

    private static SimulatorServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SimulatorServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void cancelsAPaymentOnceThenAnswersAlreadyCancelled() throws Exception {
        String ref = unique("pay_");

        HttpResponse<String> first = cancel(ref, HYPERSWITCH_KEY, REASON);
        HttpResponse<String> second = cancel(ref, HYPERSWITCH_KEY, REASON);

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode payment = json(first.body());
        assertThat(payment.get("payment_id").asText()).isEqualTo(ref);
        assertThat(payment.get("status").asText()).isEqualTo("cancelled");
        assertThat(payment.get("cancellation_reason").asText()).isEqualTo("requested_by_customer");
        assertThat(payment.get("modified_at").asText()).isEqualTo("2026-05-13T03:44:00Z");
        assertThat(payment.get("created").asText()).isEqualTo("2026-05-13T03:40:00Z");
        assertThat(payment.get("error_code").isNull()).isTrue();
        assertThat(payment.get("error_message").isNull()).isTrue();
        assertThat(payment.get("amount").asInt()).isEqualTo(6540);
        assertThat(payment.get("currency").asText()).isEqualTo("USD");
        assertThat(payment.get("connector").asText()).isEqualTo("stripe_test");
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.body()).isEqualTo("{\"error\":{\"type\":\"invalid_request\","
                + "\"message\":\"You cannot cancel this payment because it has status cancelled\",\"code\":\"IR_16\"}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"cancellation_reason\":null}"})
    void acceptsAnEmptyOrReasonlessBody(String body) throws Exception {
        HttpResponse<String> response = cancel(unique("pay_"), HYPERSWITCH_KEY, body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).get("cancellation_reason").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "{\"cancellation_reason\":5}"})
    void refusesABodyItCannotRead(String body) throws Exception {
        String ref = unique("pay_");

        HttpResponse<String> response = cancel(ref, HYPERSWITCH_KEY, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).at("/error/code").asText()).isEqualTo("IR_06");
        assertThat(json(response.body()).at("/error/type").asText()).isEqualTo("invalid_request");
        assertThat(cancel(ref, HYPERSWITCH_KEY, REASON).statusCode())
                .as("a refused call leaves the payment cancellable").isEqualTo(200);
    }

    @Test
    void answersNotFoundForMissingPayments() throws Exception {
        HttpResponse<String> response = cancel(unique("missing-"), HYPERSWITCH_KEY, REASON);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":{\"type\":\"invalid_request\","
                + "\"message\":\"Payment does not exist in our records\",\"code\":\"HE_02\"}}");
    }

    @Test
    void refusesSucceededPaymentsEveryTime() throws Exception {
        String ref = unique("paid-");

        for (int call = 0; call < 2; call++) {
            HttpResponse<String> response = cancel(ref, HYPERSWITCH_KEY, REASON);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"error\":{\"type\":\"invalid_request\","
                    + "\"message\":\"You cannot cancel this payment because it has status succeeded\",\"code\":\"IR_16\"}}");
        }
    }

    @Test
    void failsAFlakyPaymentOnceThenCancelsIt() throws Exception {
        String ref = unique("flaky-");

        HttpResponse<String> first = cancel(ref, HYPERSWITCH_KEY, REASON);
        HttpResponse<String> second = cancel(ref, HYPERSWITCH_KEY, REASON);

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.body()).isEqualTo("{\"error\":{\"type\":\"api\",\"message\":\"Something went wrong\",\"code\":\"HE_00\"}}");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second.body()).get("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void failsADownPaymentEveryTime() throws Exception {
        String ref = unique("down-");

        for (int call = 0; call < 2; call++) {
            HttpResponse<String> response = cancel(ref, HYPERSWITCH_KEY, REASON);

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body())
                    .isEqualTo("{\"error\":{\"type\":\"api\",\"message\":\"Something went wrong\",\"code\":\"HE_00\"}}");
        }
    }

    @Test
    void answersASlowPaymentAfterTheSlowWait() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = cancel(unique("slow-"), HYPERSWITCH_KEY, REASON);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(SimulatorServer.SLOW_MS);
    }

    @Test
    void refusesAWrongMissingOrBearerKey() throws Exception {
        String ref = unique("pay_");
        String unauthorized = "{\"error\":{\"type\":\"invalid_request\","
                + "\"message\":\"API key not provided or invalid API key used\",\"code\":\"IR_01\"}}";

        HttpResponse<String> wrong = cancel(ref, "snd_wrong", REASON);
        HttpResponse<String> missing = server.post(path(ref), REASON, "Content-Type", "application/json");
        HttpResponse<String> bearer = server.post(path(ref), REASON, "Authorization", "Bearer " + HYPERSWITCH_KEY);

        for (HttpResponse<String> response : List.of(wrong, missing, bearer)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo(unauthorized);
        }
    }

    @Test
    void countsEveryCallForThePayment() throws Exception {
        String ref = unique("pay_");

        cancel(ref, "snd_wrong", REASON);
        cancel(ref, HYPERSWITCH_KEY, REASON);
        cancel(ref, HYPERSWITCH_KEY, REASON);

        assertThat(server.calls("hyperswitch", ref)).isEqualTo(3);
    }

    private static HttpResponse<String> cancel(String ref, String apiKey, String body) throws Exception {
        return server.post(path(ref), body, "api-key", apiKey, "Content-Type", "application/json");
    }

    private static String path(String ref) {
        return "/simulator/hyperswitch/payments/" + ref + "/cancel";
    }
}

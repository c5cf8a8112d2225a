package io.cancelgateway.simulator;

import static io.cancelgateway.simulator.SimulatorServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JuspayOrderSimulatorTest {

    private static final String MERCHANT = "merchant_1";
    private static final String REASON = "{\"cancel_reason\":\"customer asked\"}";

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
    void cancelsAnActiveOrderOnceThenAnswersAlreadyCancelled() throws Exception {
        String ref = unique("ord-");

        HttpResponse<String> first = cancel(ref, SimulatorServer.JUSPAY_KEY, REASON);
        HttpResponse<String> second = cancel(ref, SimulatorServer.JUSPAY_KEY, REASON);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(first.body())
                .isEqualTo("{\"status\":\"Success\",\"message\":\"Order cancelled successfully\",\"order_id\":\"" + ref + "\"}");
        assertThat(second.statusCode()).isEqualTo(400);
        assertEnvelope(second, "{\"status\":\"error\",\"error_code\":\"INVALID_ACTION\","
                + "\"error_message\":\"Order with id = \\\"" + ref + "\\\" is already cancelled.\","
                + "\"error_info\":{\"code\":\"INVALID_ACTION\",\"category\":\"USER_ERROR\","
                + "\"user_message\":\"Order is already cancelled\",\"developer_message\":\"Order status is CANCELLED\"}}");
    }

    @Test
    void answersNotFoundForMissingOrders() throws Exception {
        String ref = unique("missing-");

        HttpResponse<String> response = cancel(ref, SimulatorServer.JUSPAY_KEY, REASON);

        assertThat(response.statusCode()).isEqualTo(404);
        String message = "Order with id = \\\"" + ref + "\\\" does not exist.";
        assertEnvelope(response, "{\"status\":\"error\",\"error_code\":\"RESOURCE_NOT_FOUND\",\"error_message\":\""
                + message + "\",\"error_info\":{\"code\":\"RESOURCE_NOT_FOUND\",\"category\":\"USER_ERROR\","
                + "\"user_message\":\"" + message + "\",\"developer_message\":\"" + message + "\"}}");
    }

    @Test
    void refusesPaidOrdersEveryTime() throws Exception {
        String ref = unique("paid-");

        for (int call = 0; call < 2; call++) {
            HttpResponse<String> response = cancel(ref, SimulatorServer.JUSPAY_KEY, REASON);

            assertThat(response.statusCode()).isEqualTo(400);
            assertEnvelope(response, "{\"status\":\"error\",\"error_code\":\"INVALID_ACTION\","
                    + "\"error_message\":\"Order with id = \\\"" + ref + "\\\" cannot be cancelled in status CHARGED.\","
                    + "\"error_info\":{\"code\":\"INVALID_ACTION\",\"category\":\"USER_ERROR\","
                    + "\"user_message\":\"Only ACTIVE orders can be cancelled\",\"developer_message\":\"Order status is CHARGED\"}}");
        }
    }

    @Test
    void failsAFlakyOrderOnceThenCancelsIt() throws Exception {
        String ref = unique("flaky-");

        HttpResponse<String> first = cancel(ref, SimulatorServer.JUSPAY_KEY, REASON);
        HttpResponse<String> second = cancel(ref, SimulatorServer.JUSPAY_KEY, REASON);

        assertThat(first.statusCode()).isEqualTo(503);
        assertEnvelope(first, serverTrouble("Service temporarily unavailable"));
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second.body()).get("order_id").asText()).isEqualTo(ref);
    }

    @Test
    void failsADownOrderEveryTime() throws Exception {
        String ref = unique("down-");

        for (int call = 0; call < 2; call++) {
            HttpResponse<String> response = cancel(ref, SimulatorServer.JUSPAY_KEY, REASON);

            assertThat(response.statusCode()).isEqualTo(500);
            assertEnvelope(response, serverTrouble("Something went wrong"));
        }
    }

    @Test
    void answersASlowOrderAfterTheSlowWait() throws Exception {
        String ref = unique("slow-");

        long started = System.nanoTime();
        HttpResponse<String> response = cancel(ref, SimulatorServer.JUSPAY_KEY, REASON);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(SimulatorServer.SLOW_MS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrong_key:", "sim_juspay_key:secret", "sim_juspay_key", ":sim_juspay_key"})
    void refusesCredentialsOtherThanTheKeyWithAnEmptyPassword(String credentials) throws Exception {
        String ref = unique("ord-");
        String authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = server.post(path(MERCHANT, ref), REASON,
                "Authorization", authorization, "x-merchantid", MERCHANT, "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(401);
        assertEnvelope(response, "{\"status\":\"error\",\"error_code\":\"access_denied\",\"error_message\":\"Invalid API key\","
                + "\"error_info\":{\"code\":\"UNAUTHORIZED\",\"category\":\"USER_ERROR\",\"user_message\":\"Unauthorized\","
                + "\"developer_message\":\"Invalid API key\"}}");
    }

    @Test
    void refusesMissingOrNonBasicAuthorization() throws Exception {
        String ref = unique("ord-");

        HttpResponse<String> none = server.post(path(MERCHANT, ref), REASON, "x-merchantid", MERCHANT);
        HttpResponse<String> bearer = server.post(path(MERCHANT, ref), REASON,
                "Authorization", "Bearer " + SimulatorServer.JUSPAY_KEY, "x-merchantid", MERCHANT);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(bearer.statusCode()).isEqualTo(401);
        assertThat(server.calls("juspay-order", ref)).isEqualTo(2);
    }

    @Test
    void requiresTheMerchantHeader() throws Exception {
        HttpResponse<String> response = server.post(path(MERCHANT, unique("ord-")), REASON,
                "Authorization", basic(SimulatorServer.JUSPAY_KEY));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).at("/error_info/code").asText()).isEqualTo("MISSING_MANDATORY_PARAMETER");
        assertThat(json(response.body()).get("error_message").asText()).contains("x-merchantid");
    }

    @Test
    void requiresTheMerchantHeaderToNameThePathMerchant() throws Exception {
        HttpResponse<String> response = server.post(path(MERCHANT, unique("ord-")), REASON,
                "Authorization", basic(SimulatorServer.JUSPAY_KEY), "x-merchantid", "another_merchant");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).at("/error_info/code").asText()).isEqualTo("INVALID_INPUT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"cancel_reason\":7}", "{\"cancel_reason\":\"  \"}", "cancel_reason=x", "[]"})
    void requiresAStringCancelReasonInAJsonBody(String body) throws Exception {
        String ref = unique("ord-");

        HttpResponse<String> response = cancel(ref, SimulatorServer.JUSPAY_KEY, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).at("/error_info/code").asText()).isEqualTo("MISSING_MANDATORY_PARAMETER");
        assertThat(json(response.body()).get("error_message").asText()).contains("cancel_reason");
        assertThat(cancel(ref, SimulatorServer.JUSPAY_KEY, REASON).statusCode())
                .as("a refused call leaves the order cancellable").isEqualTo(200);
    }

    @Test
    void countsEveryCallForTheOrder() throws Exception {
        String ref = unique("ord-");

        cancel(ref, "wrong", REASON);
        cancel(ref, SimulatorServer.JUSPAY_KEY, REASON);
        cancel(ref, SimulatorServer.JUSPAY_KEY, REASON);

        assertThat(server.calls("juspay-order", ref)).isEqualTo(3);
        assertThat(server.calls("juspay-payout", ref)).isZero();
    }

    static void assertEnvelope(HttpResponse<String> response, String expectedWithoutRequestId) throws Exception {
        JsonNode actual = json(response.body());
        String requestId = actual.at("/error_info/request_id").asText();
        assertThat(UUID.fromString(requestId).toString()).isEqualTo(requestId);
        ((ObjectNode) actual.get("error_info")).remove("request_id");
        assertThat(actual).isEqualTo(json(expectedWithoutRequestId));
    }

    private static String serverTrouble(String message) {
        return "{\"status\":\"error\",\"error_code\":\"internal_error\",\"error_message\":\"" + message + "\","
                + "\"error_info\":{\"code\":\"INTERNAL_SERVER_ERROR\",\"category\":\"SERVER_ERROR\","
                + "\"user_message\":\"" + message + "\",\"developer_message\":\"" + message + "\"}}";
    }

    private static HttpResponse<String> cancel(String ref, String apiKey, String body) throws Exception {
        return server.post(path(MERCHANT, ref), body,
                "Authorization", basic(apiKey), "x-merchantid", MERCHANT, "Content-Type", "application/json");
    }

    static String basic(String apiKey) {
        return "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    private static String path(String merchant, String ref) {
        return "/simulator/juspay/merchants/" + merchant + "/order/" + ref + "/cancel";
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }
}

package io.cancelgateway.simulator;

import static io.cancelgateway.simulator.JuspayOrderSimulatorTest.unique;
import static io.cancelgateway.simulator.SimulatorServer.KWIKPAISA_KEY;
import static io.cancelgateway.simulator.SimulatorServer.KWIKPAISA_SECRET;
import static io.cancelgateway.simulator.SimulatorServer.hmacHex;
import static io.cancelgateway.simulator.SimulatorServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KwikPaisaSimulatorTest {

    private static final String PATH = "/simulator/kwikpaisa/api/v3/pg/order/cancel";
    private static final long NOW = SimulatorServer.NOW.getEpochSecond();
    /** {@link SimulatorServer#NOW} in Asia/Kolkata. */
    private static final String CANCELLED_AT = "13-05-2026 09:14 AM";

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
    void cancelsAStringOrderIdOnceThenAnswersAlreadyCancelled() throws Exception {
        String ref = unique("ord-");

        HttpResponse<String> first = signedCancel(orderBody(ref));
        HttpResponse<String> second = signedCancel(orderBody(ref));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"code\":\"200\",\"status\":\"success\","
                + "\"message\":\"Order cancelled successfully.\",\"return_data\":{\"order_id\":\"" + ref + "\","
                + "\"order_status\":\"CANCELLED\",\"cancelled_at\":\"" + CANCELLED_AT + "\"}}");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).isEqualTo("{\"status\":false,\"code\":409,\"message\":\"Order is already cancelled.\"}");
    }

    @Test
    void echoesANumericOrderIdAsANumber() throws Exception {
        long orderId = ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_000_000_000_000L);

        HttpResponse<String> response = signedCancel("{\"order_id\":" + orderId + "}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).at("/return_data/order_id").isIntegralNumber()).isTrue();
        assertThat(json(response.body()).at("/return_data/order_id").asLong()).isEqualTo(orderId);
        assertThat(server.calls("kwikpaisa", Long.toString(orderId))).isEqualTo(1);
    }

    @Test
    void answersNotFoundForMissingOrders() throws Exception {
        HttpResponse<String> response = signedCancel(orderBody(unique("missing-")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"status\":false,\"code\":404,\"message\":\"Order not found.\"}");
    }

    @Test
    void refusesPaidOrdersEveryTime() throws Exception {
        String ref = unique("paid-");

        for (int call = 0; call < 2; call++) {
            HttpResponse<String> response = signedCancel(orderBody(ref));

            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.body())
                    .isEqualTo("{\"status\":false,\"code\":409,\"message\":\"Permission denied: order status is PAID.\"}");
        }
    }

    @Test
    void failsAFlakyOrderOnceThenCancelsIt() throws Exception {
        String ref = unique("flaky-");

        HttpResponse<String> first = signedCancel(orderBody(ref));
        HttpResponse<String> second = signedCancel(orderBody(ref));

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.body()).isEqualTo("{\"status\":false,\"code\":503,\"message\":\"Service unavailable.\"}");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second.body()).at("/return_data/order_status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void failsADownOrderEveryTime() throws Exception {
        String ref = unique("down-");

        for (int call = 0; call < 2; call++) {
            HttpResponse<String> response = signedCancel(orderBody(ref));

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).isEqualTo("{\"status\":false,\"code\":500,\"message\":\"Internal server error.\"}");
        }
    }

    @Test
    void answersASlowOrderAfterTheSlowWait() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = signedCancel(orderBody(unique("slow-")));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(SimulatorServer.SLOW_MS);
    }

    @Test
    void refusesAWrongOrMissingApiKey() throws Exception {
        String body = orderBody(unique("ord-"));
        String ts = Long.toString(NOW);
        String signature = hmacHex(KWIKPAISA_SECRET, body + ts);

        HttpResponse<String> wrong = server.post(PATH, body, headers("pk_wrong", ts, signature));
        HttpResponse<String> secretAsKey = server.post(PATH, body, headers(KWIKPAISA_SECRET, ts, signature));
        HttpResponse<String> missing = server.post(PATH, body, "X-TIMESTAMP", ts, "X-SIGNATURE", signature);

        for (HttpResponse<String> response : List.of(wrong, secretAsKey, missing)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"status\":false,\"code\":401,\"message\":\"Invalid API key.\"}");
        }
    }

    @Test
    void refusesASignatureMadeWithTheWrongKeyOrCase() throws Exception {
        String body = orderBody(unique("ord-"));
        String ts = Long.toString(NOW);

        HttpResponse<String> apiKeyAsSecret = server.post(PATH, body,
                headers(KWIKPAISA_KEY, ts, hmacHex(KWIKPAISA_KEY, body + ts)));
        HttpResponse<String> upperCase = server.post(PATH, body,
                headers(KWIKPAISA_KEY, ts, hmacHex(KWIKPAISA_SECRET, body + ts).toUpperCase()));
        HttpResponse<String> withoutTimestamp = server.post(PATH, body,
                headers(KWIKPAISA_KEY, ts, hmacHex(KWIKPAISA_SECRET, body)));
        HttpResponse<String> missing = server.post(PATH, body, "X-API-KEY", KWIKPAISA_KEY, "X-TIMESTAMP", ts);

        for (HttpResponse<String> response : List.of(apiKeyAsSecret, upperCase, withoutTimestamp, missing)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"status\":false,\"code\":401,\"message\":\"Invalid signature.\"}");
        }
    }

    @Test
    void refusesABodySignedAsSentWhenItIsNotInCanonicalForm() throws Exception {
        String ts = Long.toString(NOW);
        String ref = unique("ord-");
        String spaced = "{ \"order_id\": \"" + ref + "\" }";
        String unsorted = "{\"order_id\":\"" + ref + "\",\"amount\":\"100\"}";
        String escapedSlash = "{\"order_id\":\"" + ref + "\",\"note\":\"a\\/b\"}";

        for (String body : List.of(spaced, unsorted, escapedSlash)) {
            HttpResponse<String> response = server.post(PATH, body,
                    headers(KWIKPAISA_KEY, ts, hmacHex(KWIKPAISA_SECRET, body + ts)));

            assertThat(response.statusCode()).as(body).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"status\":false,\"code\":401,\"message\":\"Invalid signature.\"}");
        }
    }

    @Test
    void acceptsABodyInAnyLayoutWhenTheCanonicalFormWasSigned() throws Exception {
        String ts = Long.toString(NOW);
        String ref = unique("ord-");
        String sent = "{ \"order_id\" : \"" + ref + "\",\n \"amount\" : \"100\" }";
        String canonical = "{\"amount\":\"100\",\"order_id\":\"" + ref + "\"}";

        HttpResponse<String> response = server.post(PATH, sent,
                headers(KWIKPAISA_KEY, ts, hmacHex(KWIKPAISA_SECRET, canonical + ts)));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(longs = {-301, 301, -3600})
    void refusesATimestampOutsideTheTolerance(long skewSeconds) throws Exception {
        HttpResponse<String> response = signedCancel(orderBody(unique("ord-")), Long.toString(NOW + skewSeconds));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"status\":false,\"code\":401,\"message\":\"Request timestamp expired.\"}");
    }

    @ParameterizedTest
    @ValueSource(longs = {-300, 300})
    void acceptsATimestampWithinTheTolerance(long skewSeconds) throws Exception {
        HttpResponse<String> response = signedCancel(orderBody(unique("ord-")), Long.toString(NOW + skewSeconds));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesMillisecondsAndMissingTimestamps() throws Exception {
        String body = orderBody(unique("ord-"));
        String millis = Long.toString(SimulatorServer.NOW.toEpochMilli());

        HttpResponse<String> inMillis = signedCancel(body, millis);
        HttpResponse<String> missing = server.post(PATH, body,
                "X-API-KEY", KWIKPAISA_KEY, "X-SIGNATURE", hmacHex(KWIKPAISA_SECRET, body));

        assertThat(inMillis.statusCode()).isEqualTo(401);
        assertThat(json(inMillis.body()).get("message").asText()).isEqualTo("Request timestamp expired.");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(json(missing.body()).get("message").asText()).isEqualTo("Request timestamp expired.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "order_id=1", "[\"1\"]", "{}", "{\"order_id\":true}", "{\"order_id\":\"\"}",
            "{\"order_id\":null}", "{\"order_id\":{\"id\":\"1\"}}", "{\"amount\":\"100\"}"})
    void refusesPayloadsWithoutAStringOrNumberOrderId(String body) throws Exception {
        HttpResponse<String> response = signedCancel(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"status\":false,\"code\":400,\"message\":\"Invalid payload.\"}");
    }

    @Test
    void countsEveryCallThatNamesTheOrder() throws Exception {
        String ref = unique("ord-");
        String body = orderBody(ref);

        server.post(PATH, body, headers("pk_wrong", Long.toString(NOW), "00"));
        signedCancel(body);
        signedCancel(body);

        assertThat(server.calls("kwikpaisa", ref)).isEqualTo(3);
    }

    private static String orderBody(String ref) {
        return "{\"order_id\":\"" + ref + "\"}";
    }

    private static HttpResponse<String> signedCancel(String body) throws Exception {
        return signedCancel(body, Long.toString(NOW));
    }

    /** Signs exactly the bytes sent, which is right whenever the body is already in canonical form. */
    private static HttpResponse<String> signedCancel(String body, String timestamp) throws Exception {
        return server.post(PATH, body,
                headers(KWIKPAISA_KEY, timestamp, hmacHex(KWIKPAISA_SECRET, body + timestamp)));
    }

    private static String[] headers(String apiKey, String timestamp, String signature) {
        return new String[] {"Content-Type", "application/json", "Accept", "application/json",
                "X-API-KEY", apiKey, "X-TIMESTAMP", timestamp, "X-SIGNATURE", signature};
    }
}

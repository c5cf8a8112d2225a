package io.cancelgateway.simulator;

import static io.cancelgateway.simulator.JuspayOrderSimulatorTest.basic;
import static io.cancelgateway.simulator.JuspayOrderSimulatorTest.unique;
import static io.cancelgateway.simulator.SimulatorServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JuspayPayoutSimulatorTest {

    private static final String SCHEDULED = "{\"status\":\"Fulfillment is scheduled for cancelation. "
            + "Please check order status for final status.\"}";

    private static SimulatorServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SimulatorServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ful-", "paid-"})
    void schedulesTheCancellationOnEveryCall(String prefix) throws Exception {
        String ref = unique(prefix);

        HttpResponse<String> first = cancel(ref, SimulatorServer.JUSPAY_KEY);
        HttpResponse<String> second = cancel(ref, SimulatorServer.JUSPAY_KEY);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(SCHEDULED);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(SCHEDULED);
    }

    @Test
    void answersNotFoundForMissingFulfillments() throws Exception {
        String ref = unique("missing-");

        HttpResponse<String> response = cancel(ref, SimulatorServer.JUSPAY_KEY);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response.body())).isEqualTo(json("{\"error\":true,\"errorCode\":\"E09\","
                + "\"errorMessage\":\"Could not find resource: Fulfillment " + ref + "\",\"userMessage\":\"Not Found\"}"));
    }

    @Test
    void failsAFlakyFulfillmentOnceThenSchedulesIt() throws Exception {
        String ref = unique("flaky-");

        HttpResponse<String> first = cancel(ref, SimulatorServer.JUSPAY_KEY);
        HttpResponse<String> second = cancel(ref, SimulatorServer.JUSPAY_KEY);

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(json(first.body()).get("errorCode").asText()).isEqualTo("E90");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(SCHEDULED);
    }

    @Test
    void failsADownFulfillmentEveryTime() throws Exception {
        String ref = unique("down-");

        for (int call = 0; call < 2; call++) {
            HttpResponse<String> response = cancel(ref, SimulatorServer.JUSPAY_KEY);

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(json(response.body())).isEqualTo(json("{\"error\":true,\"errorCode\":\"E90\","
                    + "\"errorMessage\":\"Something went wrong\",\"userMessage\":\"Internal Server Error\"}"));
        }
    }

    @Test
    void answersASlowFulfillmentAfterTheSlowWait() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = cancel(unique("slow-"), SimulatorServer.JUSPAY_KEY);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(SimulatorServer.SLOW_MS);
    }

    @Test
    void refusesAWrongKey() throws Exception {
        HttpResponse<String> response = cancel(unique("ful-"), "wrong_key");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response.body())).isEqualTo(json("{\"error\":true,\"errorCode\":\"E07\","
                + "\"errorMessage\":\"Invalid API key\",\"userMessage\":\"Unauthorized\"}"));
    }

    @Test
    void requiresTheRoutingIdHeader() throws Exception {
        HttpResponse<String> response = server.post(path(unique("ful-")), null,
                "Authorization", basic(SimulatorServer.JUSPAY_KEY), "x-merchantid", "merchant_1");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":true,\"errorCode\":\"E01\","
                + "\"errorMessage\":\"x-routing-id header is required\",\"userMessage\":\"Bad Request\"}");
    }

    @Test
    void requiresTheMerchantHeader() throws Exception {
        HttpResponse<String> response = server.post(path(unique("ful-")), null,
                "Authorization", basic(SimulatorServer.JUSPAY_KEY), "x-routing-id", "customer_1");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("errorCode").asText()).isEqualTo("E01");
        assertThat(json(response.body()).get("errorMessage").asText()).contains("x-merchantid");
    }

    @Test
    void countsEveryCallForTheFulfillment() throws Exception {
        String ref = unique("ful-");

        cancel(ref, SimulatorServer.JUSPAY_KEY);
        cancel(ref, "wrong_key");

        assertThat(server.calls("juspay-payout", ref)).isEqualTo(2);
        assertThat(server.calls("juspay-order", ref)).isZero();
    }

    private static HttpResponse<String> cancel(String ref, String apiKey) throws Exception {
        return server.post(path(ref), null,
                "Authorization", basic(apiKey), "x-merchantid", "merchant_1", "x-routing-id", "customer_1");
    }

    private static String path(String ref) {
        return "/simulator/juspay/payout/merchant/v1/fulfillment/" + ref + "/cancel";
    }
}

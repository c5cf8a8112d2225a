package io.cancelgateway.simulator;

import static io.cancelgateway.simulator.JuspayOrderSimulatorTest.basic;
import static io.cancelgateway.simulator.JuspayOrderSimulatorTest.unique;
import static io.cancelgateway.simulator.SimulatorServer.JUSPAY_KEY;
import static io.cancelgateway.simulator.SimulatorServer.NOW;
import static io.cancelgateway.simulator.SimulatorServer.PAYOUT_CANCEL_DELAY;
import static io.cancelgateway.simulator.SimulatorServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cancelgateway.journal.AdjustableClock;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.ProviderVerdict;
import io.cancelgateway.provider.juspay.JuspayPayoutApi;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated payout order read, consistent with the fulfillment cancels made before it. */
class JuspayPayoutStatusSimulatorTest {

    private static final String MERCHANT = "merchant_1";

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
    void showsAScheduledFulfillmentPendingThenCancelledOnceTheDelayHasPassed() throws Exception {
        String customer = unique("cust-");
        String ful = unique("ful-");
        cancel(ful, customer);

        HttpResponse<String> before = readOrder("po_1", customer);
        clock.advance(PAYOUT_CANCEL_DELAY.minusMillis(1));
        JsonNode justBefore = json(readOrder("po_1", customer).body());
        clock.advance(Duration.ofMillis(1));
        HttpResponse<String> after = readOrder("po_1", customer);

        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(json(before.body())).isEqualTo(json("{\"orderId\":\"po_1\",\"status\":\"FULFILLMENTS_SCHEDULED\","
                + "\"type\":\"FULFILL_ONLY\",\"updatedAt\":\"2026-05-13T03:44:00Z\",\"fulfillments\":[{\"id\":\""
                + ful + "\",\"status\":\"PENDING\",\"updatedAt\":\"2026-05-13T03:44:00Z\"}]}"));
        assertThat(justBefore.at("/fulfillments/0/status").asText()).isEqualTo("PENDING");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(json(after.body())).isEqualTo(json("{\"orderId\":\"po_1\",\"status\":\"FULFILLMENTS_CANCELLED\","
                + "\"type\":\"FULFILL_ONLY\",\"updatedAt\":\"2026-05-13T03:44:10Z\",\"fulfillments\":[{\"id\":\""
                + ful + "\",\"status\":\"CANCELLED\",\"updatedAt\":\"2026-05-13T03:44:10Z\"}]}"));
    }

    @Test
    void answersWhatTheGatewayReadsAsPendingThenCancelled() throws Exception {
        String customer = unique("cust-");
        String ful = unique("ful-");
        CancelTarget target = new CancelTarget(ful, MERCHANT, null, customer, "po_77");
        cancel(ful, customer);

        ProviderVerdict before = gatewayReads(target, readOrder("po_77", customer));
        clock.advance(PAYOUT_CANCEL_DELAY);
        ProviderVerdict after = gatewayReads(target, readOrder("po_77", customer));

        assertThat(before.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(after).isEqualTo(new ProviderVerdict(Outcome.CANCELLED, "CANCELLED", null, null,
                "2026-05-13T03:44:10Z"));
    }

    @Test
    void listsEveryFulfillmentScheduledForTheCustomerWithItsOwnTime() throws Exception {
        String customer = unique("cust-");
        String first = unique("ful-");
        String paid = unique("paid-");
        String later = unique("ful-");
        cancel(first, customer);
        cancel(paid, customer);
        clock.advance(Duration.ofSeconds(5));
        cancel(later, customer);
        cancel(first, customer);
        clock.advance(Duration.ofSeconds(5));

        JsonNode order = json(readOrder("po_2", customer).body());

        assertThat(order.get("status").asText()).isEqualTo("FULFILLMENTS_SCHEDULED");
        assertThat(order.get("fulfillments")).hasSize(3);
        assertThat(order.at("/fulfillments/0/id").asText()).isEqualTo(first);
        assertThat(order.at("/fulfillments/0/status").asText()).as("a repeat keeps the first time")
                .isEqualTo("CANCELLED");
        assertThat(order.at("/fulfillments/1/id").asText()).isEqualTo(paid);
        assertThat(order.at("/fulfillments/1/status").asText()).isEqualTo("SUCCESS");
        assertThat(order.at("/fulfillments/1/updatedAt").asText()).isEqualTo("2026-05-13T03:44:00Z");
        assertThat(order.at("/fulfillments/2/id").asText()).isEqualTo(later);
        assertThat(order.at("/fulfillments/2/status").asText()).isEqualTo("PENDING");
    }

    @Test
    void showsAPaidOutFulfillmentAsSuccessWhichTheGatewayReadsAsRejected() throws Exception {
        String customer = unique("cust-");
        String paid = unique("paid-");
        cancel(paid, customer);
        clock.advance(PAYOUT_CANCEL_DELAY);

        ProviderVerdict verdict = gatewayReads(new CancelTarget(paid, MERCHANT, null, customer, "po_3"),
                readOrder("po_3", customer));

        assertThat(verdict.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(verdict.providerStatus()).isEqualTo("SUCCESS");
    }

    @Test
    void showsNothingOfFulfillmentsNeverScheduledOrScheduledForAnotherCustomer() throws Exception {
        String customer = unique("cust-");
        String ful = unique("ful-");
        cancel(unique("missing-"), customer);
        cancel(unique("down-"), customer);
        cancel(ful, unique("cust-"));

        HttpResponse<String> response = readOrder("po_4", customer);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).get("status").asText()).isEqualTo("READY_FOR_FULFILLMENT");
        assertThat(json(response.body()).get("fulfillments")).isEmpty();
        assertThat(gatewayReads(new CancelTarget(ful, MERCHANT, null, customer, "po_4"), response))
                .isEqualTo(new ProviderVerdict(Outcome.NOT_FOUND, null, null,
                        "Payout order po_4 holds no fulfillment " + ful, null));
    }

    @Test
    void leavesTheFulfillmentsOutUnlessAskedToExpandThem() throws Exception {
        String customer = unique("cust-");
        cancel(unique("ful-"), customer);

        JsonNode plain = json(get("/orders/po_5", customer).body());
        JsonNode expandedAmongOthers = json(get("/orders/po_5?expand=payment,fulfillment,refund", customer).body());

        assertThat(plain.has("fulfillments")).isFalse();
        assertThat(plain.get("status").asText()).isEqualTo("FULFILLMENTS_SCHEDULED");
        assertThat(expandedAmongOthers.get("fulfillments")).hasSize(1);
    }

    @Test
    void answersNotFoundForAMissingOrder() throws Exception {
        String order = unique("missing-");

        HttpResponse<String> response = readOrder(order, unique("cust-"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response.body())).isEqualTo(json("{\"error\":true,\"errorCode\":\"E09\","
                + "\"errorMessage\":\"Could not find resource: Order " + order + "\",\"userMessage\":\"Not Found\"}"));
    }

    @Test
    void failsAFlakyOrderOnceThenAnswers() throws Exception {
        String order = unique("flaky-");

        HttpResponse<String> first = readOrder(order, "cust-1");
        HttpResponse<String> second = readOrder(order, "cust-1");

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(json(first.body()).get("errorCode").asText()).isEqualTo("E90");
        assertThat(second.statusCode()).isEqualTo(200);
    }

    @Test
    void failsADownOrderEveryTime() throws Exception {
        String order = unique("down-");

        for (int call = 0; call < 2; call++) {
            HttpResponse<String> response = readOrder(order, "cust-1");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(json(response.body()).get("errorCode").asText()).isEqualTo("E90");
        }
    }

    @Test
    void answersASlowOrderAfterTheSlowWait() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = readOrder(unique("slow-"), "cust-1");
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(SimulatorServer.SLOW_MS);
    }

    @Test
    void checksCredentialsAndHeadersAsTheCancelDoes() throws Exception {
        String path = "/simulator/juspay/payout/merchant/v1/orders/po_6?expand=fulfillment";

        HttpResponse<String> wrongKey = server.get(path,
                "Authorization", basic("wrong_key"), "x-merchantid", MERCHANT, "x-routing-id", "cust-1");
        HttpResponse<String> noRouting = server.get(path, "Authorization", basic(JUSPAY_KEY), "x-merchantid", MERCHANT);
        HttpResponse<String> noMerchant = server.get(path, "Authorization", basic(JUSPAY_KEY), "x-routing-id", "c-1");

        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(json(wrongKey.body()).get("errorCode").asText()).isEqualTo("E07");
        assertThat(noRouting.statusCode()).isEqualTo(400);
        assertThat(json(noRouting.body()).get("errorMessage").asText()).isEqualTo("x-routing-id header is required");
        assertThat(noMerchant.statusCode()).isEqualTo(400);
        assertThat(json(noMerchant.body()).get("errorMessage").asText()).isEqualTo("x-merchantid header is required");
    }

    @Test
    void countsStatusCallsUnderTheOrder() throws Exception {
        String order = unique("po_");

        readOrder(order, "cust-1");
        get("/orders/" + order, "cust-1");

        assertThat(server.statusCalls("juspay-payout", order)).isEqualTo(2);
        assertThat(server.calls("juspay-payout", order)).isZero();
    }

    private ProviderVerdict gatewayReads(CancelTarget target, HttpResponse<String> response) {
        return new JuspayPayoutApi().statusApi().orElseThrow()
                .translateStatus(target, response.statusCode(), response.body());
    }

    private void cancel(String fulfillment, String customer) throws Exception {
        server.post("/simulator/juspay/payout/merchant/v1/fulfillment/" + fulfillment + "/cancel", null,
                "Authorization", basic(JUSPAY_KEY), "x-merchantid", MERCHANT, "x-routing-id", customer);
    }

    private HttpResponse<String> readOrder(String order, String customer) throws Exception {
        return get("/orders/" + order + "?expand=fulfillment", customer);
    }

    private HttpResponse<String> get(String pathAndQuery, String customer) throws Exception {
        return server.get("/simulator/juspay/payout/merchant/v1" + pathAndQuery,
                "Authorization", basic(JUSPAY_KEY), "x-merchantid", MERCHANT, "x-routing-id", customer,
                "Accept", "application/json");
    }
}

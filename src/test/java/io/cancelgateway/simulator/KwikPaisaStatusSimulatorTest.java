package io.cancelgateway.simulator;

import static io.cancelgateway.simulator.JuspayOrderSimulatorTest.unique;
import static io.cancelgateway.simulator.SimulatorServer.KWIKPAISA_KEY;
import static io.cancelgateway.simulator.SimulatorServer.KWIKPAISA_SECRET;
import static io.cancelgateway.simulator.SimulatorServer.NOW;
import static io.cancelgateway.simulator.SimulatorServer.hmacHex;
import static io.cancelgateway.simulator.SimulatorServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cancelgateway.journal.AdjustableClock;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.ProviderRequest;
import io.cancelgateway.provider.ProviderVerdict;
import io.cancelgateway.provider.kwikpaisa.KwikPaisaApi;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated order status call, checked like the cancel and consistent with the cancels made before it. */
class KwikPaisaStatusSimulatorTest {

    private static final String PATH = "/simulator/kwikpaisa/api/v3/pg/order/status";
    private static final String CANCEL_PATH = "/simulator/kwikpaisa/api/v3/pg/order/cancel";

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
    void showsAnOrderNeverCancelledUnpaid() throws Exception {
        String ref = unique("ord-");

        HttpResponse<String> response = signed(PATH, orderBody(ref));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body())).isEqualTo(json("{\"code\":\"200\",\"status\":\"success\","
                + "\"message\":\"Order status fetched successfully.\",\"return_data\":{\"kwikX_order_id\":\"kp_sim_"
                + ref + "\",\"order_id\":\"" + ref + "\",\"order_amount\":\"105.00\",\"currency\":\"INR\","
                + "\"order_status\":\"UN_PAID\",\"created_at\":\"13-05-2026 09:11 AM\"}}"));
        assertThat(gatewayReads(ref, response).outcome()).isEqualTo(Outcome.PENDING);
    }

    @Test
    void showsACancelledOrderCancelledAtTheTimeOfItsCancel() throws Exception {
        String ref = unique("ord-");
        signed(CANCEL_PATH, orderBody(ref));
        clock.advance(Duration.ofMinutes(2));

        HttpResponse<String> response = signed(PATH, orderBody(ref));

        JsonNode order = json(response.body()).get("return_data");
        assertThat(order.get("order_status").asText()).isEqualTo("CANCELLED");
        assertThat(order.get("cancelled_at").asText()).isEqualTo("13-05-2026 09:14 AM");
        assertThat(gatewayReads(ref, response)).isEqualTo(new ProviderVerdict(Outcome.CANCELLED, "CANCELLED", "200",
                "Order status fetched successfully.", "2026-05-13T09:14:00+05:30"));
    }

    @Test
    void showsAPaidOrderPaidWhichTheGatewayReadsAsRejected() throws Exception {
        String ref = unique("paid-");

        HttpResponse<String> response = signed(PATH, orderBody(ref));

        JsonNode order = json(response.body()).get("return_data");
        assertThat(order.get("order_status").asText()).isEqualTo("PAID");
        assertThat(order.get("paid_at").asText()).isEqualTo("13-05-2026 09:14 AM");
        assertThat(gatewayReads(ref, response).outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void echoesANumericOrderIdAsANumber() throws Exception {
        long orderId = ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_000_000_000_000L);
        signed(CANCEL_PATH, "{\"order_id\":" + orderId + "}");

        HttpResponse<String> response = signed(PATH, "{\"order_id\":" + orderId + "}");

        assertThat(json(response.body()).at("/return_data/order_id").isIntegralNumber()).isTrue();
        assertThat(json(response.body()).at("/return_data/order_status").asText()).isEqualTo("CANCELLED");
        assertThat(server.statusCalls("kwikpaisa", Long.toString(orderId))).isEqualTo(1);
    }

    @Test
    void acceptsTheCallAsTheGatewayBuildsAndSignsIt() throws Exception {
        String ref = unique("ord-");
        signed(CANCEL_PATH, orderBody(ref));
        KwikPaisaApi api = new KwikPaisaApi(clock, false, ZoneId.of("Asia/Kolkata"));
        ProviderRequest request = api.statusApi().orElseThrow().statusRequest(new CancelTarget(ref, null, null, null,
                null));
        ProviderCredentials credentials = new ProviderCredentials(KWIKPAISA_KEY, KWIKPAISA_SECRET);
        List<String> headers = new ArrayList<>();
        for (Map<String, String> part : List.of(request.headers(), api.authHeaders(credentials),
                api.signatureHeaders(request, credentials))) {
            part.forEach((name, value) -> {
                headers.add(name);
                headers.add(value);
            });
        }

        HttpResponse<String> response = server.post("/simulator/kwikpaisa" + request.path(),
                new String(request.body(), StandardCharsets.UTF_8), headers.toArray(String[]::new));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(api.statusApi().orElseThrow().translateStatus(new CancelTarget(ref, null, null, null, null),
                response.statusCode(), response.body()).outcome()).isEqualTo(Outcome.CANCELLED);
    }

    @Test
    void answersNotFoundForAMissingOrderAsItsCancelDoes() throws Exception {
        HttpResponse<String> response = signed(PATH, orderBody(unique("missing-")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"status\":false,\"code\":404,\"message\":\"Order not found.\"}");
    }

    @Test
    void failsAFlakyOrderOnceThenAnswers() throws Exception {
        String ref = unique("flaky-");

        HttpResponse<String> first = signed(PATH, orderBody(ref));
        HttpResponse<String> second = signed(PATH, orderBody(ref));

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.body()).isEqualTo("{\"status\":false,\"code\":503,\"message\":\"Service unavailable.\"}");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second.body()).at("/return_data/order_status").asText()).isEqualTo("UN_PAID");
    }

    @Test
    void failsADownOrderEveryTime() throws Exception {
        String ref = unique("down-");

        for (int call = 0; call < 2; call++) {
            assertThat(signed(PATH, orderBody(ref)).statusCode()).isEqualTo(500);
        }
    }

    @Test
    void answersASlowOrderAfterTheSlowWait() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = signed(PATH, orderBody(unique("slow-")));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(SimulatorServer.SLOW_MS);
    }

    @Test
    void checksKeySignatureTimestampAndPayloadAsTheCancelDoes() throws Exception {
        String body = orderBody(unique("ord-"));
        String ts = Long.toString(NOW.getEpochSecond());
        String stale = Long.toString(NOW.getEpochSecond() - 301);

        HttpResponse<String> wrongKey = server.post(PATH, body, headers("pk_wrong", ts,
                hmacHex(KWIKPAISA_SECRET, body + ts)));
        HttpResponse<String> wrongSecret = server.post(PATH, body, headers(KWIKPAISA_KEY, ts,
                hmacHex(KWIKPAISA_KEY, body + ts)));
        HttpResponse<String> staleTime = server.post(PATH, body, headers(KWIKPAISA_KEY, stale,
                hmacHex(KWIKPAISA_SECRET, body + stale)));
        HttpResponse<String> noOrder = signed(PATH, "{\"amount\":\"100\"}");

        assertThat(wrongKey.body()).isEqualTo("{\"status\":false,\"code\":401,\"message\":\"Invalid API key.\"}");
        assertThat(wrongSecret.body()).isEqualTo("{\"status\":false,\"code\":401,\"message\":\"Invalid signature.\"}");
        assertThat(staleTime.body())
                .isEqualTo("{\"status\":false,\"code\":401,\"message\":\"Request timestamp expired.\"}");
        assertThat(noOrder.statusCode()).isEqualTo(400);
        assertThat(noOrder.body()).isEqualTo("{\"status\":false,\"code\":400,\"message\":\"Invalid payload.\"}");
    }

    @Test
    void countsStatusCallsApartFromCancels() throws Exception {
        String ref = unique("ord-");

        signed(CANCEL_PATH, orderBody(ref));
        signed(PATH, orderBody(ref));
        signed(PATH, orderBody(ref));

        assertThat(server.calls("kwikpaisa", ref)).isEqualTo(1);
        assertThat(server.statusCalls("kwikpaisa", ref)).isEqualTo(2);
    }

    private static ProviderVerdict gatewayReads(String ref, HttpResponse<String> response) {
        return new KwikPaisaApi(false, ZoneId.of("Asia/Kolkata")).statusApi().orElseThrow()
                .translateStatus(new CancelTarget(ref, null, null, null, null), response.statusCode(), response.body());
    }

    private static String orderBody(String ref) {
        return "{\"order_id\":\"" + ref + "\"}";
    }

    /** Signs exactly the bytes sent at the simulator's time, which is right for a body in canonical form. */
    private HttpResponse<String> signed(String path, String body) throws Exception {
        String ts = Long.toString(clock.instant().getEpochSecond());
        return server.post(path, body, headers(KWIKPAISA_KEY, ts, hmacHex(KWIKPAISA_SECRET, body + ts)));
    }

    private static String[] headers(String apiKey, String timestamp, String signature) {
        return new String[] {"Content-Type", "application/json", "Accept", "application/json",
                "X-API-KEY", apiKey, "X-TIMESTAMP", timestamp, "X-SIGNATURE", signature};
    }
}

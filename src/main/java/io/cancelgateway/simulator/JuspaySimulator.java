package io.cancelgateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Juspay's order cancel and payout fulfillment cancel APIs. Both take Basic authentication with the API key as user
 * name and an empty password, and {@code x-merchantid}; orders need a JSON {@code cancel_reason}, payouts
 * {@code x-routing-id}.
 */
final class JuspaySimulator {

    static final String PREFIX = "/simulator/juspay";

    private final byte[] expectedCredentials;
    private final SimulatedTargets targets;
    private final ScenarioPlayer player;
    private final AnswerTiming timing;

    JuspaySimulator(String apiKey, SimulatedTargets targets, AnswerTiming timing) {
        this.expectedCredentials = (apiKey + ":").getBytes(StandardCharsets.UTF_8);
        this.targets = targets;
        this.player = new ScenarioPlayer(targets);
        this.timing = timing;
    }

    void mount(Router router) {
        router.post(PREFIX + "/merchants/:merchant_id/order/:order_id/cancel").handler(this::cancelOrder);
        router.post(PREFIX + "/payout/merchant/v1/fulfillment/:fulfillment_id/cancel").handler(this::cancelFulfillment);
    }

    private void cancelOrder(RoutingContext context) {
        String orderId = context.pathParam("order_id");
        targets.recordCall(SimulatedApi.JUSPAY_ORDER, orderId);
        timing.send(context, orderAnswer(context, orderId), Scenario.of(orderId));
    }

    private SimulatedAnswer orderAnswer(RoutingContext context, String orderId) {
        if (!authorised(context)) {
            return JuspayOrderAnswers.unauthorized();
        }
        String merchantId = context.request().getHeader("x-merchantid");
        if (merchantId == null || merchantId.isBlank()) {
            return JuspayOrderAnswers.missingParameter("x-merchantid");
        }
        if (!merchantId.equals(context.pathParam("merchant_id"))) {
            return JuspayOrderAnswers.invalidInput("x-merchantid does not match the merchant in the path");
        }
        Optional<JsonNode> body = JsonRequestBody.object(JsonRequestBody.text(context));
        JsonNode reason = body.map(node -> node.get("cancel_reason")).orElse(null);
        if (reason == null || !reason.isTextual() || reason.asText().isBlank()) {
            return JuspayOrderAnswers.missingParameter("cancel_reason");
        }
        return player.play(SimulatedApi.JUSPAY_ORDER, orderId, new JuspayOrderAnswers(orderId));
    }

    private void cancelFulfillment(RoutingContext context) {
        String fulfillmentId = context.pathParam("fulfillment_id");
        targets.recordCall(SimulatedApi.JUSPAY_PAYOUT, fulfillmentId);
        timing.send(context, fulfillmentAnswer(context, fulfillmentId), Scenario.of(fulfillmentId));
    }

    private SimulatedAnswer fulfillmentAnswer(RoutingContext context, String fulfillmentId) {
        if (!authorised(context)) {
            return JuspayPayoutAnswers.unauthorized();
        }
        if (isBlank(context.request().getHeader("x-merchantid"))) {
            return JuspayPayoutAnswers.badRequest("x-merchantid header is required");
        }
        if (isBlank(context.request().getHeader("x-routing-id"))) {
            return JuspayPayoutAnswers.badRequest("x-routing-id header is required");
        }
        return player.play(SimulatedApi.JUSPAY_PAYOUT, fulfillmentId, new JuspayPayoutAnswers(fulfillmentId));
    }

    /** Basic credentials must be exactly {@code <api key>:}: a password, or a key sent any other way, is refused. */
    private boolean authorised(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        if (header == null) {
            return false;
        }
        int space = header.indexOf(' ');
        if (space < 0 || !"Basic".equalsIgnoreCase(header.substring(0, space))) {
            return false;
        }
        byte[] credentials;
        try {
            credentials = Base64.getDecoder().decode(header.substring(space + 1).trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(credentials, expectedCredentials);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

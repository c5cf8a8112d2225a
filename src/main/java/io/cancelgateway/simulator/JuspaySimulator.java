package io.cancelgateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Optional;

/**
 * Juspay's order cancel API: Basic authentication with the API key as user name and an empty password,
 * {@code x-merchantid} matching the merchant in the path, and a JSON {@code cancel_reason}.
 */
final class JuspaySimulator {

    static final String PREFIX = "/simulator/juspay";

    private final JuspayCredentials credentials;
    private final SimulatedTargets targets;
    private final ScenarioPlayer player;
    private final AnswerTiming timing;

    JuspaySimulator(String apiKey, SimulatedTargets targets, AnswerTiming timing, Clock clock) {
        this.credentials = new JuspayCredentials(apiKey);
        this.targets = targets;
        this.player = new ScenarioPlayer(targets, clock);
        this.timing = timing;
    }

    void mount(Router router) {
        router.post(PREFIX + "/merchants/:merchant_id/order/:order_id/cancel").handler(this::cancelOrder);
    }

    private void cancelOrder(RoutingContext context) {
        String orderId = context.pathParam("order_id");
        targets.recordCall(SimulatedApi.JUSPAY_ORDER, orderId);
        timing.send(context, orderAnswer(context, orderId), Scenario.of(orderId));
    }

    private SimulatedAnswer orderAnswer(RoutingContext context, String orderId) {
        if (!credentials.presentedBy(context)) {
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
}

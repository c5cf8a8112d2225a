package io.cancelgateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

/**
 * Hyperswitch's payment cancel API: the {@code api-key} header, and an optional JSON body whose
 * {@code cancellation_reason}, when present, is a string.
 */
final class HyperswitchSimulator {

    static final String PREFIX = "/simulator/hyperswitch";

    private final byte[] apiKey;
    private final SimulatedTargets targets;
    private final ScenarioPlayer player;
    private final AnswerTiming timing;
    private final Clock clock;

    HyperswitchSimulator(String apiKey, SimulatedTargets targets, AnswerTiming timing, Clock clock) {
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
        this.targets = targets;
        this.player = new ScenarioPlayer(targets);
        this.timing = timing;
        this.clock = clock;
    }

    void mount(Router router) {
        router.post(PREFIX + "/payments/:payment_id/cancel").handler(this::cancelPayment);
    }

    private void cancelPayment(RoutingContext context) {
        String paymentId = context.pathParam("payment_id");
        targets.recordCall(SimulatedApi.HYPERSWITCH, paymentId);
        timing.send(context, answer(context, paymentId), Scenario.of(paymentId));
    }

    private SimulatedAnswer answer(RoutingContext context, String paymentId) {
        String presentedKey = context.request().getHeader("api-key");
        if (presentedKey == null || !MessageDigest.isEqual(presentedKey.getBytes(StandardCharsets.UTF_8), apiKey)) {
            return HyperswitchAnswers.unauthorized();
        }
        String text = JsonRequestBody.text(context);
        String reason = null;
        if (!text.isBlank()) {
            Optional<JsonNode> body = JsonRequestBody.object(text);
            if (body.isEmpty()) {
                return HyperswitchAnswers.unreadableBody("expected a JSON object");
            }
            JsonNode sentReason = body.get().get("cancellation_reason");
            if (sentReason != null && !sentReason.isNull() && !sentReason.isTextual()) {
                return HyperswitchAnswers.unreadableBody("cancellation_reason must be a string");
            }
            reason = sentReason == null || sentReason.isNull() ? null : sentReason.asText();
        }
        return player.play(SimulatedApi.HYPERSWITCH, paymentId, new HyperswitchAnswers(paymentId, reason, clock));
    }
}

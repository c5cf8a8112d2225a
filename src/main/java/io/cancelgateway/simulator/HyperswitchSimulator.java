package io.cancelgateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

/**
 * Hyperswitch's payment cancel and payment retrieve APIs: the {@code api-key} header, and for a cancel an optional JSON
 * body whose {@code cancellation_reason}, when present, is a string. A retrieve shows the payment as
 * {@link HyperswitchPayments} describes it; payment ids choose the faults as for cancels.
 */
final class HyperswitchSimulator {

    static final String PREFIX = "/simulator/hyperswitch";

    private final byte[] apiKey;
    private final SimulatedTargets targets;
    private final HyperswitchPayments payments;
    private final ScenarioPlayer player;
    private final AnswerTiming timing;

    HyperswitchSimulator(String apiKey, SimulatedTargets targets, HyperswitchPayments payments, AnswerTiming timing,
            Clock clock) {
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
        this.targets = targets;
        this.payments = payments;
        this.player = new ScenarioPlayer(targets, clock);
        this.timing = timing;
    }

    void mount(Router router) {
        router.post(PREFIX + "/payments/:payment_id/cancel").handler(this::cancelPayment);
        router.get(PREFIX + "/payments/:payment_id").handler(this::retrievePayment);
    }

    private void cancelPayment(RoutingContext context) {
        String paymentId = context.pathParam("payment_id");
        targets.recordCall(SimulatedApi.HYPERSWITCH, paymentId);
        timing.send(context, cancelAnswer(context, paymentId), Scenario.of(paymentId));
    }

    private SimulatedAnswer cancelAnswer(RoutingContext context, String paymentId) {
        if (!authorised(context)) {
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
        return player.play(SimulatedApi.HYPERSWITCH, paymentId, new HyperswitchAnswers(paymentId, reason, payments));
    }

    private void retrievePayment(RoutingContext context) {
        String paymentId = context.pathParam("payment_id");
        targets.recordStatusCall(SimulatedApi.HYPERSWITCH, paymentId);
        timing.send(context, retrieveAnswer(context, paymentId), Scenario.of(paymentId));
    }

    private SimulatedAnswer retrieveAnswer(RoutingContext context, String paymentId) {
        if (!authorised(context)) {
            return HyperswitchAnswers.unauthorized();
        }
        HyperswitchAnswers answers = new HyperswitchAnswers(paymentId, null, payments);
        return player.playStatus(SimulatedApi.HYPERSWITCH, paymentId, answers, answers::payment);
    }

    private boolean authorised(RoutingContext context) {
        String presentedKey = context.request().getHeader("api-key");
        return presentedKey != null && MessageDigest.isEqual(presentedKey.getBytes(StandardCharsets.UTF_8), apiKey);
    }
}

package io.cancelgateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * KwikPaisa's order cancel API. Checks, in order: {@code X-API-KEY}, a fresh {@code X-TIMESTAMP} in epoch seconds,
 * a JSON object body, {@code X-SIGNATURE} over the canonical form of that body plus the timestamp, and an
 * {@code order_id} that is a string or a number.
 */
final class KwikPaisaSimulator {

    static final String PREFIX = "/simulator/kwikpaisa";
    static final long TIMESTAMP_TOLERANCE_SECONDS = 300;

    private static final Pattern EPOCH_SECONDS = Pattern.compile("[0-9]{1,12}");

    private final byte[] apiKey;
    private final SimulatorSignature signature;
    private final SimulatedTargets targets;
    private final ScenarioPlayer player;
    private final AnswerTiming timing;
    private final Clock clock;

    KwikPaisaSimulator(String apiKey, String secretKey, SimulatedTargets targets, AnswerTiming timing, Clock clock) {
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
        this.signature = new SimulatorSignature(secretKey);
        this.targets = targets;
        this.player = new ScenarioPlayer(targets);
        this.timing = timing;
        this.clock = clock;
    }

    void mount(Router router) {
        router.post(PREFIX + "/api/v3/pg/order/cancel").handler(this::cancelOrder);
    }

    private void cancelOrder(RoutingContext context) {
        String body = JsonRequestBody.text(context);
        Optional<JsonNode> payload = JsonRequestBody.object(body);
        Optional<JsonNode> orderId = payload.map(node -> node.get("order_id")).filter(KwikPaisaSimulator::isOrderId);
        Optional<String> reference = orderId.map(JsonNode::asText);
        reference.ifPresent(ref -> targets.recordCall(SimulatedApi.KWIKPAISA, ref));
        SimulatedAnswer answer = answer(context, body, payload, orderId);
        timing.send(context, answer, reference.map(Scenario::of).orElse(Scenario.NORMAL));
    }

    private SimulatedAnswer answer(RoutingContext context, String body, Optional<JsonNode> payload,
            Optional<JsonNode> orderId) {
        String presentedKey = context.request().getHeader("X-API-KEY");
        if (presentedKey == null || !MessageDigest.isEqual(presentedKey.getBytes(StandardCharsets.UTF_8), apiKey)) {
            return KwikPaisaAnswers.error(401, "Invalid API key.");
        }
        String timestamp = context.request().getHeader("X-TIMESTAMP");
        if (!isFresh(timestamp)) {
            return KwikPaisaAnswers.error(401, "Request timestamp expired.");
        }
        if (payload.isEmpty()) {
            return KwikPaisaAnswers.error(400, "Invalid payload.");
        }
        if (!signature.matches(body, timestamp, context.request().getHeader("X-SIGNATURE"))) {
            return KwikPaisaAnswers.error(401, "Invalid signature.");
        }
        if (orderId.isEmpty()) {
            return KwikPaisaAnswers.error(400, "Invalid payload.");
        }
        String reference = orderId.get().asText();
        return player.play(SimulatedApi.KWIKPAISA, reference, new KwikPaisaAnswers(orderId.get(), clock));
    }

    /** Epoch seconds within the tolerance either way; milliseconds or a formatted date are refused like stale ones. */
    private boolean isFresh(String timestamp) {
        if (timestamp == null || !EPOCH_SECONDS.matcher(timestamp).matches()) {
            return false;
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        return skew <= TIMESTAMP_TOLERANCE_SECONDS;
    }

    private static boolean isOrderId(JsonNode node) {
        return node.isNumber() || node.isTextual() && !node.asText().isBlank();
    }
}

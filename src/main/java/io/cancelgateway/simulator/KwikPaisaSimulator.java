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
 * KwikPaisa's order cancel and order status APIs. Both check, in order: {@code X-API-KEY}, a fresh
 * {@code X-TIMESTAMP} in epoch seconds, a JSON object body, {@code X-SIGNATURE} over the canonical form of that body
 * plus the timestamp, and an {@code order_id} that is a string or a number. A status call shows a {@code paid-} order
 * {@code PAID}, one cancelled here {@code CANCELLED} with the time of its cancel, any other {@code UN_PAID}; order ids
 * choose the faults as for cancels.
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

    /** A call's body as read, before any check. */
    private record OrderCall(String body, Optional<JsonNode> payload, Optional<JsonNode> orderId) {

        static OrderCall read(RoutingContext context) {
            String body = JsonRequestBody.text(context);
            Optional<JsonNode> payload = JsonRequestBody.object(body);
            return new OrderCall(body, payload,
                    payload.map(node -> node.get("order_id")).filter(OrderCall::isOrderId));
        }

        Optional<String> reference() {
            return orderId.map(JsonNode::asText);
        }

        Scenario scenario() {
            return reference().map(Scenario::of).orElse(Scenario.NORMAL);
        }

        private static boolean isOrderId(JsonNode node) {
            return node.isNumber() || node.isTextual() && !node.asText().isBlank();
        }
    }

    KwikPaisaSimulator(String apiKey, String secretKey, SimulatedTargets targets, AnswerTiming timing, Clock clock) {
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
        this.signature = new SimulatorSignature(secretKey);
        this.targets = targets;
        this.player = new ScenarioPlayer(targets, clock);
        this.timing = timing;
        this.clock = clock;
    }

    void mount(Router router) {
        router.post(PREFIX + "/api/v3/pg/order/cancel").handler(this::cancelOrder);
        router.post(PREFIX + "/api/v3/pg/order/status").handler(this::readOrder);
    }

    private void cancelOrder(RoutingContext context) {
        OrderCall call = OrderCall.read(context);
        call.reference().ifPresent(reference -> targets.recordCall(SimulatedApi.KWIKPAISA, reference));
        SimulatedAnswer answer = refusal(context, call).orElseGet(() -> player.play(SimulatedApi.KWIKPAISA,
                call.reference().orElseThrow(), new KwikPaisaAnswers(call.orderId().orElseThrow(), clock)));
        timing.send(context, answer, call.scenario());
    }

    private void readOrder(RoutingContext context) {
        OrderCall call = OrderCall.read(context);
        call.reference().ifPresent(reference -> targets.recordStatusCall(SimulatedApi.KWIKPAISA, reference));
        SimulatedAnswer answer = refusal(context, call).orElseGet(() -> {
            String reference = call.reference().orElseThrow();
            KwikPaisaAnswers answers = new KwikPaisaAnswers(call.orderId().orElseThrow(), clock);
            return player.playStatus(SimulatedApi.KWIKPAISA, reference, answers, () -> order(reference, answers));
        });
        timing.send(context, answer, call.scenario());
    }

    /** The order as KwikPaisa sees it now. */
    private SimulatedAnswer order(String reference, KwikPaisaAnswers answers) {
        if (Scenario.of(reference) == Scenario.PAID) {
            return answers.order("PAID", clock.instant());
        }
        return targets.cancelledAt(SimulatedApi.KWIKPAISA, reference)
                .map(cancelled -> answers.order("CANCELLED", cancelled))
                .orElseGet(() -> answers.order("UN_PAID", clock.instant()));
    }

    /** Why the call is refused before its order is looked at; empty when it passes every check. */
    private Optional<SimulatedAnswer> refusal(RoutingContext context, OrderCall call) {
        String presentedKey = context.request().getHeader("X-API-KEY");
        if (presentedKey == null || !MessageDigest.isEqual(presentedKey.getBytes(StandardCharsets.UTF_8), apiKey)) {
            return Optional.of(KwikPaisaAnswers.error(401, "Invalid API key."));
        }
        String timestamp = context.request().getHeader("X-TIMESTAMP");
        if (!isFresh(timestamp)) {
            return Optional.of(KwikPaisaAnswers.error(401, "Request timestamp expired."));
        }
        if (call.payload().isEmpty()) {
            return Optional.of(KwikPaisaAnswers.error(400, "Invalid payload."));
        }
        if (!signature.matches(call.body(), timestamp, context.request().getHeader("X-SIGNATURE"))) {
            return Optional.of(KwikPaisaAnswers.error(401, "Invalid signature."));
        }
        if (call.orderId().isEmpty()) {
            return Optional.of(KwikPaisaAnswers.error(400, "Invalid payload."));
        }
        return Optional.empty();
    }

    /** Epoch seconds within the tolerance either way; milliseconds or a formatted date are refused like stale ones. */
    private boolean isFresh(String timestamp) {
        if (timestamp == null || !EPOCH_SECONDS.matcher(timestamp).matches()) {
            return false;
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        return skew <= TIMESTAMP_TOLERANCE_SECONDS;
    }
}

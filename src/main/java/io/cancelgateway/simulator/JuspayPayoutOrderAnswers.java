package io.cancelgateway.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Juspay payout order answers for one order: the order with the fulfillments it is shown to hold, errors in the
 * envelope of the fulfillment cancel. Times are ISO-8601 UTC, as Juspay writes them.
 */
final class JuspayPayoutOrderAnswers implements FaultAnswers {

    private final String orderId;

    /** A fulfillment as the order shows it. */
    record ShownFulfillment(String id, String status, Instant updatedAt) {
    }

    JuspayPayoutOrderAnswers(String orderId) {
        this.orderId = orderId;
    }

    /**
     * @param withFulfillments whether the call asked for them ({@code expand=fulfillment}); Juspay leaves them out
     *        otherwise
     */
    SimulatedAnswer order(List<ShownFulfillment> fulfillments, boolean withFulfillments, Instant now) {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("orderId", orderId)
                .put("status", orderStatus(fulfillments))
                .put("type", "FULFILL_ONLY")
                .put("updatedAt", time(fulfillments.stream().map(ShownFulfillment::updatedAt)
                        .max(Instant::compareTo).orElse(now)));
        if (withFulfillments) {
            ArrayNode list = body.putArray("fulfillments");
            for (ShownFulfillment fulfillment : fulfillments) {
                list.addObject()
                        .put("id", fulfillment.id())
                        .put("status", fulfillment.status())
                        .put("updatedAt", time(fulfillment.updatedAt()));
            }
        }
        return SimulatedAnswer.json(200, body);
    }

    @Override
    public SimulatedAnswer notFound() {
        return JuspayPayoutAnswers.error(404, "E09", "Could not find resource: Order " + orderId, "Not Found");
    }

    @Override
    public SimulatedAnswer serverError() {
        return JuspayPayoutAnswers.error(500, "E90", "Something went wrong", "Internal Server Error");
    }

    @Override
    public SimulatedAnswer unavailable() {
        return JuspayPayoutAnswers.error(503, "E90", "Service temporarily unavailable", "Service Unavailable");
    }

    /**
     * The order's roll-up: scheduled while a fulfillment is open, cancelled when all are, successful when the rest
     * were paid out, ready when it shows none.
     */
    private static String orderStatus(List<ShownFulfillment> fulfillments) {
        if (fulfillments.isEmpty()) {
            return "READY_FOR_FULFILLMENT";
        }
        if (fulfillments.stream().anyMatch(fulfillment -> "PENDING".equals(fulfillment.status()))) {
            return "FULFILLMENTS_SCHEDULED";
        }
        if (fulfillments.stream().allMatch(fulfillment -> "CANCELLED".equals(fulfillment.status()))) {
            return "FULFILLMENTS_CANCELLED";
        }
        return "FULFILLMENTS_SUCCESSFUL";
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}

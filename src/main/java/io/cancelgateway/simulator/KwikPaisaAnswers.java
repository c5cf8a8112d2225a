package io.cancelgateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * KwikPaisa order answers for one order, cancel and status alike. Success has a string {@code code} and echoes the
 * order id as sent (string or number); errors have a boolean {@code status} and a numeric {@code code}.
 */
final class KwikPaisaAnswers implements CancelAnswers {

    /** KwikPaisa states no zone for {@code cancelled_at}; it is an Indian gateway, so its local time is used. */
    private static final ZoneId PROVIDER_ZONE = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy hh:mm a", Locale.ENGLISH);
    /** How long before it was paid, cancelled or (unpaid) asked about an order was created. */
    private static final Duration AGE = Duration.ofMinutes(3);

    private final JsonNode orderId;
    private final Clock clock;

    KwikPaisaAnswers(JsonNode orderId, Clock clock) {
        this.orderId = orderId;
        this.clock = clock;
    }

    @Override
    public SimulatedAnswer cancelled() {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("code", "200")
                .put("status", "success")
                .put("message", "Order cancelled successfully.");
        body.putObject("return_data")
                .<ObjectNode>set("order_id", orderId)
                .put("order_status", "CANCELLED")
                .put("cancelled_at", time(clock.instant()));
        return SimulatedAnswer.json(200, body);
    }

    /**
     * The status answer for the order in this state.
     *
     * @param orderStatus UN_PAID, PAID or CANCELLED
     * @param changedAt when it was paid or cancelled, stated as {@code paid_at} or {@code cancelled_at}; for an unpaid
     *        order, the time of the call
     */
    SimulatedAnswer order(String orderStatus, Instant changedAt) {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("code", "200")
                .put("status", "success")
                .put("message", "Order status fetched successfully.");
        ObjectNode order = body.putObject("return_data")
                .put("kwikX_order_id", "kp_sim_" + orderId.asText())
                .<ObjectNode>set("order_id", orderId)
                .put("order_amount", "105.00")
                .put("currency", "INR")
                .put("order_status", orderStatus)
                .put("created_at", time(changedAt.minus(AGE)));
        if ("PAID".equals(orderStatus)) {
            order.put("payment_method", "UPI").put("paid_at", time(changedAt));
        } else if ("CANCELLED".equals(orderStatus)) {
            order.put("cancelled_at", time(changedAt));
        }
        return SimulatedAnswer.json(200, body);
    }

    @Override
    public SimulatedAnswer alreadyCancelled() {
        return error(409, "Order is already cancelled.");
    }

    @Override
    public SimulatedAnswer notCancellable() {
        return error(409, "Permission denied: order status is PAID.");
    }

    @Override
    public SimulatedAnswer notFound() {
        return error(404, "Order not found.");
    }

    @Override
    public SimulatedAnswer serverError() {
        return error(500, "Internal server error.");
    }

    @Override
    public SimulatedAnswer unavailable() {
        return error(503, "Service unavailable.");
    }

    private static String time(Instant instant) {
        return TIME.format(instant.atZone(PROVIDER_ZONE));
    }

    static SimulatedAnswer error(int status, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("status", false)
                .put("code", status)
                .put("message", message);
        return SimulatedAnswer.json(status, body);
    }
}

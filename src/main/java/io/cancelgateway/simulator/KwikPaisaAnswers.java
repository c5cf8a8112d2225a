package io.cancelgateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * KwikPaisa order cancel answers for one order. Success has a string {@code code} and echoes the order id as sent
 * (string or number); errors have a boolean {@code status} and a numeric {@code code}.
 */
final class KwikPaisaAnswers implements CancelAnswers {

    /** KwikPaisa states no zone for {@code cancelled_at}; it is an Indian gateway, so its local time is used. */
    private static final ZoneId PROVIDER_ZONE = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter CANCELLED_AT = DateTimeFormatter.ofPattern("dd-MM-yyyy hh:mm a", Locale.ENGLISH);

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
                .put("cancelled_at", CANCELLED_AT.format(ZonedDateTime.now(clock.withZone(PROVIDER_ZONE))));
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

    static SimulatedAnswer error(int status, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("status", false)
                .put("code", status)
                .put("message", message);
        return SimulatedAnswer.json(status, body);
    }
}

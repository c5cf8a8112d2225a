package io.cancelgateway.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Hyperswitch payment cancel answers for one payment: a payment object on success, nested errors otherwise. */
final class HyperswitchAnswers implements CancelAnswers {

    private static final Duration AGE_AT_CANCEL = Duration.ofMinutes(4);

    private final String paymentId;
    private final String cancellationReason;
    private final Clock clock;

    HyperswitchAnswers(String paymentId, String cancellationReason, Clock clock) {
        this.paymentId = paymentId;
        this.cancellationReason = cancellationReason;
        this.clock = clock;
    }

    @Override
    public SimulatedAnswer cancelled() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("payment_id", paymentId)
                .put("merchant_id", "merchant_simulator")
                .put("status", "cancelled")
                .put("amount", 6540)
                .put("net_amount", 6540)
                .put("amount_capturable", 0)
                .putNull("amount_received")
                .put("currency", "USD")
                .put("cancellation_reason", cancellationReason)
                .put("connector", "stripe_test")
                .put("client_secret", paymentId + "_secret_simulator")
                .putNull("error_code")
                .putNull("error_message")
                .put("capture_method", "manual")
                .put("payment_method", "card")
                .put("payment_method_type", "credit")
                .put("attempt_count", 1)
                .put("profile_id", "pro_simulator")
                .put("created", now.minus(AGE_AT_CANCEL).toString())
                .put("modified_at", now.toString());
        return SimulatedAnswer.json(200, body);
    }

    @Override
    public SimulatedAnswer alreadyCancelled() {
        return error(400, "invalid_request", "You cannot cancel this payment because it has status cancelled", "IR_16");
    }

    @Override
    public SimulatedAnswer notCancellable() {
        return error(400, "invalid_request", "You cannot cancel this payment because it has status succeeded", "IR_16");
    }

    @Override
    public SimulatedAnswer notFound() {
        return error(404, "invalid_request", "Payment does not exist in our records", "HE_02");
    }

    @Override
    public SimulatedAnswer serverError() {
        return error(500, "api", "Something went wrong", "HE_00");
    }

    @Override
    public SimulatedAnswer unavailable() {
        return error(503, "api", "Something went wrong", "HE_00");
    }

    static SimulatedAnswer unauthorized() {
        return error(401, "invalid_request", "API key not provided or invalid API key used", "IR_01");
    }

    static SimulatedAnswer unreadableBody(String detail) {
        return error(400, "invalid_request", "Json deserialize error: " + detail, "IR_06");
    }

    private static SimulatedAnswer error(int status, String type, String message, String code) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("error")
                .put("type", type)
                .put("message", message)
                .put("code", code);
        return SimulatedAnswer.json(status, body);
    }
}

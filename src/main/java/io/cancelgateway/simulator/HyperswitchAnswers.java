package io.cancelgateway.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cancelgateway.simulator.HyperswitchPayments.PaymentState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Hyperswitch answers for one payment, cancel and retrieve alike: the payment object as {@link HyperswitchPayments}
 * shows it on success, nested errors otherwise. A repeated cancel is refused naming the payment's status.
 */
final class HyperswitchAnswers implements CancelAnswers {

    private final String paymentId;
    private final String cancellationReason;
    private final HyperswitchPayments payments;

    /** @param cancellationReason the reason the cancel call gave; null for none and for a retrieve */
    HyperswitchAnswers(String paymentId, String cancellationReason, HyperswitchPayments payments) {
        this.paymentId = paymentId;
        this.cancellationReason = cancellationReason;
        this.payments = payments;
    }

    /** The payment as it is now: what a retrieve answers, and a cancel once it is recorded. */
    SimulatedAnswer payment() {
        PaymentState state = payments.state(paymentId);
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("payment_id", paymentId)
                .put("merchant_id", "merchant_simulator")
                .put("status", state.status())
                .put("amount", 6540)
                .put("net_amount", 6540)
                .put("amount_capturable", "requires_capture".equals(state.status()) ? 6540 : 0)
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
                .put("created", time(state.created()))
                .put("modified_at", time(state.modified()));
        return SimulatedAnswer.json(200, body);
    }

    @Override
    public SimulatedAnswer cancelled() {
        return payment();
    }

    @Override
    public SimulatedAnswer alreadyCancelled() {
        return error(400, "invalid_request",
                "You cannot cancel this payment because it has status " + payments.state(paymentId).status(), "IR_16");
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

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
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

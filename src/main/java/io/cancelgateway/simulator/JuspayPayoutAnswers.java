package io.cancelgateway.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Juspay payout fulfillment cancel answers. The provider only schedules the cancellation and fails silently later, so
 * a repeat and a fulfillment that cannot be cancelled get the same 200 as the first call.
 */
final class JuspayPayoutAnswers implements CancelAnswers {

    private static final String SCHEDULED =
            "Fulfillment is scheduled for cancelation. Please check order status for final status.";

    private final String fulfillmentId;

    JuspayPayoutAnswers(String fulfillmentId) {
        this.fulfillmentId = fulfillmentId;
    }

    @Override
    public SimulatedAnswer cancelled() {
        return SimulatedAnswer.json(200, JsonNodeFactory.instance.objectNode().put("status", SCHEDULED));
    }

    @Override
    public SimulatedAnswer alreadyCancelled() {
        return cancelled();
    }

    @Override
    public SimulatedAnswer notCancellable() {
        return cancelled();
    }

    @Override
    public SimulatedAnswer notFound() {
        return error(404, "E09", "Could not find resource: Fulfillment " + fulfillmentId, "Not Found");
    }

    @Override
    public SimulatedAnswer serverError() {
        return error(500, "E90", "Something went wrong", "Internal Server Error");
    }

    @Override
    public SimulatedAnswer unavailable() {
        return error(503, "E90", "Service temporarily unavailable", "Service Unavailable");
    }

    static SimulatedAnswer unauthorized() {
        return error(401, "E07", "Invalid API key", "Unauthorized");
    }

    static SimulatedAnswer badRequest(String message) {
        return error(400, "E01", message, "Bad Request");
    }

    static SimulatedAnswer error(int status, String code, String message, String userMessage) {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("error", true)
                .put("errorCode", code)
                .put("errorMessage", message)
                .put("userMessage", userMessage);
        return SimulatedAnswer.json(status, body);
    }
}

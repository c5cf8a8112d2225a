package io.cancelgateway.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** Juspay order cancel answers for one order, in Juspay's common error envelope. */
final class JuspayOrderAnswers implements CancelAnswers {

    private final String orderId;

    JuspayOrderAnswers(String orderId) {
        this.orderId = orderId;
    }

    @Override
    public SimulatedAnswer cancelled() {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("status", "Success")
                .put("message", "Order cancelled successfully")
                .put("order_id", orderId);
        return SimulatedAnswer.json(200, body);
    }

    @Override
    public SimulatedAnswer alreadyCancelled() {
        return error(400, "INVALID_ACTION", "Order with id = \"" + orderId + "\" is already cancelled.",
                "INVALID_ACTION", "USER_ERROR", "Order is already cancelled", "Order status is CANCELLED");
    }

    @Override
    public SimulatedAnswer notCancellable() {
        return error(400, "INVALID_ACTION", "Order with id = \"" + orderId + "\" cannot be cancelled in status CHARGED.",
                "INVALID_ACTION", "USER_ERROR", "Only ACTIVE orders can be cancelled", "Order status is CHARGED");
    }

    @Override
    public SimulatedAnswer notFound() {
        String message = "Order with id = \"" + orderId + "\" does not exist.";
        return error(404, "RESOURCE_NOT_FOUND", message, "RESOURCE_NOT_FOUND", "USER_ERROR", message, message);
    }

    @Override
    public SimulatedAnswer serverError() {
        return serverTrouble(500, "Something went wrong");
    }

    @Override
    public SimulatedAnswer unavailable() {
        return serverTrouble(503, "Service temporarily unavailable");
    }

    static SimulatedAnswer unauthorized() {
        return error(401, "access_denied", "Invalid API key",
                "UNAUTHORIZED", "USER_ERROR", "Unauthorized", "Invalid API key");
    }

    static SimulatedAnswer missingParameter(String name) {
        String message = "Mandatory fields are missing: " + name;
        return error(400, "MISSING_MANDATORY_PARAMETER", message,
                "MISSING_MANDATORY_PARAMETER", "USER_ERROR", "Mandatory fields are missing", message);
    }

    static SimulatedAnswer invalidInput(String message) {
        return error(400, "INVALID_INPUT", message, "INVALID_INPUT", "USER_ERROR", "Invalid input", message);
    }

    private static SimulatedAnswer serverTrouble(int status, String message) {
        return error(status, "internal_error", message, "INTERNAL_SERVER_ERROR", "SERVER_ERROR", message, message);
    }

    private static SimulatedAnswer error(int status, String errorCode, String errorMessage, String code,
            String category, String userMessage, String developerMessage) {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("status", "error")
                .put("error_code", errorCode)
                .put("error_message", errorMessage);
        body.putObject("error_info")
                .put("code", code)
                .put("category", category)
                .put("user_message", userMessage)
                .put("developer_message", developerMessage)
                .put("request_id", UUID.randomUUID().toString());
        return SimulatedAnswer.json(status, body);
    }
}

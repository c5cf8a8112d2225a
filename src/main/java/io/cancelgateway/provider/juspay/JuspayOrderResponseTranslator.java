package io.cancelgateway.provider.juspay;

import com.fasterxml.jackson.databind.JsonNode;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.CancelledWording;
import io.cancelgateway.provider.LenientJson;
import io.cancelgateway.provider.ProviderVerdict;
import io.cancelgateway.provider.StatusOutcomes;
import java.util.Locale;

/**
 * Reads Juspay order cancel answers: {@code {"status":"Success",...}} on success, Juspay's common error envelope
 * ({@code error_code}, {@code error_message}, {@code error_info}) otherwise. Juspay states no cancel time.
 */
public final class JuspayOrderResponseTranslator {

    private static final String SUCCESS = "Success";

    public ProviderVerdict translate(int httpStatus, String body) {
        JsonNode json = LenientJson.parse(body);
        String status = LenientJson.text(json, "status");
        String errorMessage = LenientJson.text(json, "error_message");
        String userMessage = LenientJson.text(json, "error_info", "user_message");
        String developerMessage = LenientJson.text(json, "error_info", "developer_message");
        String code = LenientJson.firstOf(LenientJson.text(json, "error_info", "code"),
                LenientJson.text(json, "error_code"));
        String message = LenientJson.firstOf(errorMessage, userMessage, LenientJson.text(json, "message"));
        Outcome outcome = outcome(httpStatus, status, code, errorMessage, userMessage, developerMessage);
        return new ProviderVerdict(outcome, status, code, message, null);
    }

    private static Outcome outcome(int httpStatus, String status, String code, String... messages) {
        if (httpStatus >= 200 && httpStatus < 300) {
            return SUCCESS.equalsIgnoreCase(status) ? Outcome.CANCELLED : Outcome.PENDING;
        }
        // A server error or throttling says nothing about the order, whatever code the body carries.
        if (StatusOutcomes.retryable(httpStatus) || code == null) {
            return StatusOutcomes.forStatus(httpStatus);
        }
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "INVALID_ACTION" -> CancelledWording.statesAlreadyCancelled(messages)
                    ? Outcome.ALREADY_CANCELLED
                    : Outcome.REJECTED;
            case "RESOURCE_NOT_FOUND" -> Outcome.NOT_FOUND;
            case "UNAUTHORIZED", "ACCESS_DENIED" -> Outcome.AUTH_FAILED;
            case "INVALID_INPUT", "MISSING_MANDATORY_PARAMETER" -> Outcome.INVALID;
            // Another cancel for the same order is in flight; repeating later gets a definitive answer.
            case "DUPLICATE_REQUEST" -> Outcome.ERROR;
            default -> StatusOutcomes.forStatus(httpStatus);
        };
    }
}

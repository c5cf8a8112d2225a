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
 * ({@code error_code}, {@code error_message}, {@code error_info}) otherwise, both read as an {@link OrderAnswer}.
 * Juspay states no cancel time.
 */
public final class JuspayOrderResponseTranslator {

    private static final String SUCCESS = "Success";

    /** Every field a cancel answer may carry, success or error. */
    record OrderAnswer(String status, String errorCode, String errorMessage, String infoCode, String userMessage,
            String developerMessage, String message) {

        static OrderAnswer read(JsonNode json) {
            return new OrderAnswer(LenientJson.text(json, "status"), LenientJson.text(json, "error_code"),
                    LenientJson.text(json, "error_message"), LenientJson.text(json, "error_info", "code"),
                    LenientJson.text(json, "error_info", "user_message"),
                    LenientJson.text(json, "error_info", "developer_message"), LenientJson.text(json, "message"));
        }

        /** The most specific code: error_info's, else the envelope's. */
        String code() {
            return LenientJson.firstOf(infoCode, errorCode);
        }
    }

    public ProviderVerdict translate(int httpStatus, String body) {
        OrderAnswer answer = OrderAnswer.read(LenientJson.parse(body));
        return new ProviderVerdict(outcome(httpStatus, answer), answer.status(), answer.code(),
                LenientJson.firstOf(answer.errorMessage(), answer.userMessage(), answer.message()), null);
    }

    /** The status table: a 2xx is done when it says Success; errors are decided by their code. */
    static Outcome outcome(int httpStatus, OrderAnswer answer) {
        if (httpStatus >= 200 && httpStatus < 300) {
            return SUCCESS.equalsIgnoreCase(answer.status()) ? Outcome.CANCELLED : Outcome.PENDING;
        }
        String code = answer.code();
        // A server error or throttling says nothing about the order, whatever code the body carries.
        if (StatusOutcomes.retryable(httpStatus) || code == null) {
            return StatusOutcomes.forStatus(httpStatus);
        }
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "INVALID_ACTION" -> CancelledWording.statesAlreadyCancelled(answer.errorMessage(),
                    answer.userMessage(), answer.developerMessage()) ? Outcome.ALREADY_CANCELLED : Outcome.REJECTED;
            case "RESOURCE_NOT_FOUND" -> Outcome.NOT_FOUND;
            case "UNAUTHORIZED", "ACCESS_DENIED" -> Outcome.AUTH_FAILED;
            case "INVALID_INPUT", "MISSING_MANDATORY_PARAMETER" -> Outcome.INVALID;
            // Another cancel for the same order is in flight; repeating later gets a definitive answer.
            case "DUPLICATE_REQUEST" -> Outcome.ERROR;
            default -> StatusOutcomes.forStatus(httpStatus);
        };
    }
}

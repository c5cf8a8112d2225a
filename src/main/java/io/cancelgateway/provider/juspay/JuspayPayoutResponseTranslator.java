package io.cancelgateway.provider.juspay;

import com.fasterxml.jackson.databind.JsonNode;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.LenientJson;
import io.cancelgateway.provider.ProviderVerdict;
import io.cancelgateway.provider.StatusOutcomes;

/**
 * Reads Juspay payout fulfillment cancel answers. Success only means the cancellation was scheduled: Juspay carries it
 * out best effort and fails silently when the fulfillment was already picked up, so it is never CANCELLED.
 * Errors are {@code {"error":true,"errorCode":"E09",...}}, sometimes wrapped as {@code {"response":{...},"code":404}}.
 */
public final class JuspayPayoutResponseTranslator {

    public ProviderVerdict translate(int httpStatus, String body) {
        JsonNode json = LenientJson.parse(body);
        if (httpStatus >= 200 && httpStatus < 300) {
            // The only field is a sentence, not a status word, so it is the message.
            return new ProviderVerdict(Outcome.PENDING, null, null, LenientJson.text(json, "status"), null);
        }
        JsonNode error = json.path("response").isObject() ? json.path("response") : json;
        String code = LenientJson.text(error, "errorCode");
        String message = LenientJson.firstOf(LenientJson.text(error, "errorMessage"),
                LenientJson.text(error, "userMessage"));
        return new ProviderVerdict(outcome(httpStatus, code), null, code, message, null);
    }

    private static Outcome outcome(int httpStatus, String code) {
        // A server error or throttling says nothing about the fulfillment, whatever code the body carries.
        if (StatusOutcomes.retryable(httpStatus) || code == null) {
            return StatusOutcomes.forStatus(httpStatus);
        }
        return switch (code) {
            case "E01" -> Outcome.INVALID;
            case "E03", "E07", "E08" -> Outcome.AUTH_FAILED;
            case "E09" -> Outcome.NOT_FOUND;
            case "E90" -> Outcome.ERROR;
            default -> StatusOutcomes.forStatus(httpStatus);
        };
    }
}

package io.cancelgateway.provider.juspay;

import com.fasterxml.jackson.databind.JsonNode;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.LenientJson;
import io.cancelgateway.provider.ProviderVerdict;
import io.cancelgateway.provider.StatusOutcomes;
import java.util.Optional;

/**
 * Reads Juspay payout fulfillment cancel answers. Success only means the cancellation was scheduled: Juspay carries it
 * out best effort and fails silently when the fulfillment was already picked up, so it is never CANCELLED.
 * Errors are a {@link PayoutError}: {@code {"error":true,"errorCode":"E09",...}}, sometimes wrapped as
 * {@code {"response":{...},"code":404}}.
 */
public final class JuspayPayoutResponseTranslator {

    /** An error answer, unwrapped. */
    record PayoutError(String code, String message) {

        static PayoutError read(JsonNode json) {
            JsonNode error = json.path("response").isObject() ? json.path("response") : json;
            return new PayoutError(LenientJson.text(error, "errorCode"), LenientJson.firstOf(
                    LenientJson.text(error, "errorMessage"), LenientJson.text(error, "userMessage")));
        }
    }

    public ProviderVerdict translate(int httpStatus, String body) {
        JsonNode json = LenientJson.parse(body);
        if (httpStatus >= 200 && httpStatus < 300) {
            // The only field of a scheduled cancel is a sentence, not a status word, so it is the message.
            return new ProviderVerdict(Outcome.PENDING, null, null, LenientJson.text(json, "status"), null);
        }
        PayoutError error = PayoutError.read(json);
        return new ProviderVerdict(errorOutcome(httpStatus, error.code()), null, error.code(), error.message(), null);
    }

    /** The error table, by Juspay's payout error code. */
    static Outcome errorOutcome(int httpStatus, String code) {
        // A server error or throttling says nothing about the fulfillment, whatever code the body carries.
        if (StatusOutcomes.retryable(httpStatus)) {
            return Outcome.ERROR;
        }
        return codeOutcome(code).orElseGet(() -> StatusOutcomes.forStatus(httpStatus));
    }

    /** What Juspay's payout error codes mean, for cancel and status calls alike; empty for no or an unknown code. */
    static Optional<Outcome> codeOutcome(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code) {
            case "E01" -> Optional.of(Outcome.INVALID);
            case "E03", "E07", "E08" -> Optional.of(Outcome.AUTH_FAILED);
            case "E09" -> Optional.of(Outcome.NOT_FOUND);
            case "E90" -> Optional.of(Outcome.ERROR);
            default -> Optional.empty();
        };
    }
}

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
 * {@code {"response":{...},"code":404}}, and then at times with a 2xx.
 */
public final class JuspayPayoutResponseTranslator {

    /** An error answer, unwrapped. */
    record PayoutError(String code, String message) {

        static PayoutError read(JsonNode json) {
            JsonNode error = unwrapped(json);
            return new PayoutError(LenientJson.text(error, "errorCode"), LenientJson.firstOf(
                    LenientJson.text(error, "errorMessage"), LenientJson.text(error, "userMessage")));
        }

        /** Whether an answer is an error by its body ({@code "error":true}, wrapped or not), whatever its status. */
        static boolean in(JsonNode json) {
            return unwrapped(json).path("error").asBoolean(false);
        }

        /**
         * The status an answer states ({@link io.cancelgateway.provider.ProviderApi#statedStatus}): a 2xx carrying
         * this error is that error, with the status of its wrapper's 3xx to 5xx {@code code}, else the one Juspay
         * gives its error code; so a server error or throttling in it is retried. Any other answer, and an error in
         * a 2xx with neither, states its HTTP status.
         */
        static int statedStatus(int httpStatus, JsonNode json) {
            if (!isSuccess(httpStatus) || !in(json)) {
                return httpStatus;
            }
            int wrapped = json.path("code").asInt(0);
            if (wrapped >= 300 && wrapped < 600) {
                return wrapped;
            }
            int byCode = codeStatus(read(json).code());
            return byCode == 0 ? httpStatus : byCode;
        }

        private static JsonNode unwrapped(JsonNode json) {
            return json.path("response").isObject() ? json.path("response") : json;
        }
    }

    public ProviderVerdict translate(int httpStatus, String body) {
        JsonNode json = LenientJson.parse(body);
        if (isSuccess(httpStatus) && !PayoutError.in(json)) {
            // The only field of a scheduled cancel is a sentence, not a status word, so it is the message.
            return new ProviderVerdict(Outcome.PENDING, null, null, LenientJson.text(json, "status"), null);
        }
        PayoutError error = PayoutError.read(json);
        int stated = PayoutError.statedStatus(httpStatus, json);
        // An error in a 2xx that states no error status says nothing about the fulfillment.
        Outcome outcome = isSuccess(stated) ? Outcome.ERROR : errorOutcome(stated, error.code());
        return new ProviderVerdict(outcome, null, error.code(), error.message(), null);
    }

    /** The status an answer states ({@link io.cancelgateway.provider.ProviderApi#statedStatus}). */
    static int statedStatus(int httpStatus, String body) {
        // Only a 2xx may state another: an error's body is not read for it.
        return isSuccess(httpStatus) ? PayoutError.statedStatus(httpStatus, LenientJson.parse(body)) : httpStatus;
    }

    static boolean isSuccess(int httpStatus) {
        return httpStatus >= 200 && httpStatus < 300;
    }

    /** The error table, by Juspay's payout error code. */
    static Outcome errorOutcome(int httpStatus, String code) {
        // A server error or throttling says nothing about the fulfillment, whatever code the body carries.
        if (StatusOutcomes.retryable(httpStatus)) {
            return Outcome.ERROR;
        }
        return codeOutcome(code).orElseGet(() -> StatusOutcomes.forStatus(httpStatus));
    }

    /** The HTTP status Juspay documents for each payout error code; 0 for no or an unknown code. */
    static int codeStatus(String code) {
        if (code == null) {
            return 0;
        }
        return switch (code) {
            case "E01", "E03" -> 400;
            case "E07" -> 401;
            case "E08" -> 403;
            case "E09" -> 404;
            case "E90" -> 500;
            default -> 0;
        };
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

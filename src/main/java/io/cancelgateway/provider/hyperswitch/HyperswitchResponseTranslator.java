package io.cancelgateway.provider.hyperswitch;

import com.fasterxml.jackson.databind.JsonNode;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.CancelledWording;
import io.cancelgateway.provider.IsoTime;
import io.cancelgateway.provider.LenientJson;
import io.cancelgateway.provider.ProviderVerdict;
import io.cancelgateway.provider.StatusOutcomes;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Hyperswitch's answers to a payment cancel. A 2xx carries the {@link Payment}, whose intent status tells whether
 * the void is done; errors are an {@link ErrorAnswer}, nested under {@code error} on the wire or flat as in the OpenAPI
 * file.
 */
public final class HyperswitchResponseTranslator {

    private static final Set<String> CANCELLED_STATUSES = Set.of("cancelled", "cancelled_post_capture");

    /** The intent status IR_16 names: "You cannot cancel this payment because it has status succeeded". */
    private static final Pattern IR_16_STATUS = Pattern.compile("because it has status\\s+([A-Za-z_]+)",
            Pattern.CASE_INSENSITIVE);

    /** The payment object of a 2xx answer, as far as a cancel needs it. */
    record Payment(String status, String errorCode, String errorMessage, String modifiedAt, String updated) {

        static Payment read(JsonNode json) {
            return new Payment(LenientJson.text(json, "status"), LenientJson.text(json, "error_code"),
                    LenientJson.text(json, "error_message"), LenientJson.text(json, "modified_at"),
                    LenientJson.text(json, "updated"));
        }

        /**
         * When the payment last changed, with offset: {@code modified_at}, else {@code updated}. Hyperswitch writes
         * UTC times, with or without the Z; an unreadable time is left out rather than guessed.
         */
        String changedAt() {
            return IsoTime.withOffset(LenientJson.firstOf(modifiedAt, updated));
        }
    }

    /** An error answer: {@code {"error":{"type","message","code"}}}, or the same fields flat. */
    record ErrorAnswer(String code, String message) {

        static ErrorAnswer read(JsonNode json) {
            JsonNode error = json.path("error").isObject() ? json.path("error") : json;
            return new ErrorAnswer(LenientJson.text(error, "code"), LenientJson.text(error, "message"));
        }
    }

    public ProviderVerdict translate(int httpStatus, String body) {
        JsonNode json = LenientJson.parse(body);
        if (httpStatus >= 200 && httpStatus < 300) {
            return payment(Payment.read(json));
        }
        ErrorAnswer error = ErrorAnswer.read(json);
        String status = "IR_16".equals(error.code()) ? ir16Status(error.message()) : null;
        return new ProviderVerdict(errorOutcome(httpStatus, error, status), status, error.code(), error.message(),
                null);
    }

    private static ProviderVerdict payment(Payment payment) {
        Outcome outcome = paymentOutcome(payment.status());
        String cancelledAt = outcome == Outcome.CANCELLED ? payment.changedAt() : null;
        return new ProviderVerdict(outcome, payment.status(), payment.errorCode(), payment.errorMessage(),
                cancelledAt);
    }

    /** The status roll-up of a payment: cancelled (before or after capture) is done; anything else is not yet. */
    static Outcome paymentOutcome(String status) {
        return status != null && CANCELLED_STATUSES.contains(status.toLowerCase(Locale.ROOT))
                ? Outcome.CANCELLED
                : Outcome.PENDING;
    }

    /** The error table: the code decides, a server error or throttling whatever the code. */
    static Outcome errorOutcome(int httpStatus, ErrorAnswer error, String ir16Status) {
        if (StatusOutcomes.retryable(httpStatus)) {
            return Outcome.ERROR;
        }
        if ("IR_16".equals(error.code())) {
            return alreadyCancelled(ir16Status, error.message()) ? Outcome.ALREADY_CANCELLED : Outcome.REJECTED;
        }
        if ("IR_14".equals(error.code())) {
            return Outcome.REJECTED;
        }
        return callOutcome(error.code()).orElseGet(() -> StatusOutcomes.forStatus(httpStatus));
    }

    /**
     * The codes that are about the call rather than the payment's state, for cancel and status calls alike; empty
     * for no or an unknown code.
     */
    static Optional<Outcome> callOutcome(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code) {
            case "IR_01" -> Optional.of(Outcome.AUTH_FAILED);
            case "HE_02" -> Optional.of(Outcome.NOT_FOUND);
            case "IR_04", "IR_06" -> Optional.of(Outcome.INVALID);
            case "HE_00" -> Optional.of(Outcome.ERROR);
            default -> Optional.empty();
        };
    }

    /** IR_16 is matched on its code; the status word it names tells a finished cancel from a refusal. */
    private static boolean alreadyCancelled(String ir16Status, String message) {
        if (ir16Status != null) {
            return CANCELLED_STATUSES.contains(ir16Status.toLowerCase(Locale.ROOT));
        }
        return CancelledWording.statesAlreadyCancelled(message);
    }

    private static String ir16Status(String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = IR_16_STATUS.matcher(message);
        return matcher.find() ? matcher.group(1) : null;
    }
}

package io.cancelgateway.provider.hyperswitch;

import com.fasterxml.jackson.databind.JsonNode;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.LenientJson;
import io.cancelgateway.provider.ProviderVerdict;
import io.cancelgateway.provider.StatusOutcomes;
import io.cancelgateway.provider.hyperswitch.HyperswitchResponseTranslator.ErrorAnswer;
import io.cancelgateway.provider.hyperswitch.HyperswitchResponseTranslator.Payment;
import java.util.Locale;
import java.util.Set;

/**
 * Reads Hyperswitch's payment retrieve answers: the same {@link Payment} and {@link ErrorAnswer} as a cancel, but
 * here every intent status is a statement about the payment, so a finished payment that is not cancelled is one the
 * cancel did not reach.
 */
public final class HyperswitchStatusTranslator {

    /** Final intent statuses other than cancelled: the payment was captured, failed or ran out of time. */
    private static final Set<String> ENDED_OTHERWISE = Set.of("succeeded", "failed", "partially_captured", "expired");

    public ProviderVerdict translate(int httpStatus, String body) {
        JsonNode json = LenientJson.parse(body);
        if (httpStatus >= 200 && httpStatus < 300) {
            return payment(Payment.read(json));
        }
        ErrorAnswer error = ErrorAnswer.read(json);
        return new ProviderVerdict(errorOutcome(httpStatus, error.code()), null, error.code(), error.message(), null);
    }

    private static ProviderVerdict payment(Payment payment) {
        Outcome outcome = statusOutcome(payment.status());
        String cancelledAt = outcome == Outcome.CANCELLED ? payment.changedAt() : null;
        return new ProviderVerdict(outcome, payment.status(), payment.errorCode(), payment.errorMessage(),
                cancelledAt);
    }

    /**
     * The intent status table: cancelled (before or after capture) is done; succeeded, failed, partially captured and
     * expired ended otherwise; processing, every requires_* and any other status are still open. A payment object
     * without a status word says nothing.
     */
    static Outcome statusOutcome(String status) {
        if (status == null || status.isBlank()) {
            return Outcome.ERROR;
        }
        if (HyperswitchResponseTranslator.paymentOutcome(status) == Outcome.CANCELLED) {
            return Outcome.CANCELLED;
        }
        return ENDED_OTHERWISE.contains(status.toLowerCase(Locale.ROOT)) ? Outcome.REJECTED : Outcome.PENDING;
    }

    /** The codes about the call, as for a cancel; without a known code the HTTP status decides. */
    static Outcome errorOutcome(int httpStatus, String code) {
        if (StatusOutcomes.retryable(httpStatus)) {
            return Outcome.ERROR;
        }
        return HyperswitchResponseTranslator.callOutcome(code)
                .orElseGet(() -> StatusOutcomes.forStatusCheck(httpStatus));
    }
}

package io.cancelgateway.provider.kwikpaisa;

import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.CallKind;
import io.cancelgateway.provider.LenientJson;
import io.cancelgateway.provider.ProviderVerdict;
import io.cancelgateway.provider.StatusOutcomes;
import io.cancelgateway.provider.kwikpaisa.KwikPaisaResponseTranslator.OrderAnswer;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Reads KwikPaisa's order status answers: the cancel call's {@link OrderAnswer} envelope, whose
 * {@code return_data.order_status} is the order's state. An error code in the body of a 2xx is read as that error.
 */
public final class KwikPaisaStatusTranslator {

    private final KwikPaisaTime time;

    /** @param zone the zone KwikPaisa's zoneless {@code cancelled_at} is read in */
    public KwikPaisaStatusTranslator(ZoneId zone) {
        this.time = new KwikPaisaTime(zone);
    }

    public ProviderVerdict translate(int httpStatus, String body) {
        OrderAnswer answer = OrderAnswer.read(LenientJson.parse(body));
        int effectiveStatus = answer.statedStatus(CallKind.STATUS, httpStatus);
        if (!KwikPaisaResponseTranslator.isSuccess(effectiveStatus)) {
            return new ProviderVerdict(answer.statesNotFound(effectiveStatus) ? Outcome.NOT_FOUND
                    : StatusOutcomes.forStatusCheck(effectiveStatus),
                    null, answer.code(), answer.message(), null);
        }
        Outcome outcome = orderOutcome(answer.orderStatus());
        String cancelledAt = outcome == Outcome.CANCELLED ? time.withOffset(answer.cancelledAt()) : null;
        return new ProviderVerdict(outcome, answer.orderStatus(), answer.code(), answer.message(), cancelledAt);
    }

    /**
     * The order status table: CANCELLED is the cancel done; PAID, FAILED and EXPIRED ended otherwise; UN_PAID,
     * PROCESSING and any new status are still open. An answer without an order status word says nothing.
     */
    static Outcome orderOutcome(String orderStatus) {
        if (orderStatus == null || orderStatus.isBlank()) {
            return Outcome.ERROR;
        }
        return switch (orderStatus.toUpperCase(Locale.ROOT)) {
            case "CANCELLED" -> Outcome.CANCELLED;
            case "PAID", "FAILED", "EXPIRED" -> Outcome.REJECTED;
            default -> Outcome.PENDING;
        };
    }

}

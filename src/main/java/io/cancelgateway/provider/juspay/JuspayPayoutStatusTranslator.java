package io.cancelgateway.provider.juspay;

import com.fasterxml.jackson.databind.JsonNode;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.IsoTime;
import io.cancelgateway.provider.LenientJson;
import io.cancelgateway.provider.ProviderVerdict;
import io.cancelgateway.provider.StatusOutcomes;
import io.cancelgateway.provider.juspay.JuspayPayoutResponseTranslator.PayoutError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads Juspay's payout order answers for the fulfillment whose cancel was scheduled. A 2xx is a {@link PayoutOrder}
 * whose {@code fulfillments} carry each fulfillment's status; errors are the cancel call's {@link PayoutError}.
 */
public final class JuspayPayoutStatusTranslator {

    /** One entry of an order's {@code fulfillments}. */
    record Fulfillment(String id, String status, String updatedAt) {

        static Fulfillment read(JsonNode json) {
            return new Fulfillment(LenientJson.text(json, "id"), LenientJson.text(json, "status"),
                    LenientJson.text(json, "updatedAt"));
        }
    }

    /**
     * A payout order as far as status sync needs it.
     *
     * @param fulfillments its fulfillments; null when the body lists none at all (not an order, or not expanded)
     */
    record PayoutOrder(String orderId, List<Fulfillment> fulfillments) {

        static PayoutOrder read(JsonNode json) {
            JsonNode list = json.path("fulfillments");
            List<Fulfillment> fulfillments = null;
            if (list.isArray()) {
                fulfillments = new ArrayList<>();
                for (JsonNode entry : list) {
                    fulfillments.add(Fulfillment.read(entry));
                }
            }
            return new PayoutOrder(LenientJson.text(json, "orderId"), fulfillments);
        }

        Optional<Fulfillment> fulfillment(String id) {
            return fulfillments.stream().filter(fulfillment -> fulfillment.id() != null && fulfillment.id().equals(id))
                    .findFirst();
        }
    }

    /**
     * @param fulfillmentId the fulfillment whose cancel is followed
     * @param orderId the order asked for, named in the answer when it does not hold the fulfillment
     */
    public ProviderVerdict translate(String fulfillmentId, String orderId, int httpStatus, String body) {
        JsonNode json = LenientJson.parse(body);
        if (JuspayPayoutResponseTranslator.isSuccess(httpStatus) && !PayoutError.in(json)) {
            return order(fulfillmentId, orderId, PayoutOrder.read(json));
        }
        PayoutError error = PayoutError.read(json);
        int stated = PayoutError.statedStatus(httpStatus, json);
        Outcome outcome = JuspayPayoutResponseTranslator.isSuccess(stated) ? Outcome.ERROR
                : errorOutcome(stated, error.code());
        return new ProviderVerdict(outcome, null, error.code(), error.message(), null);
    }

    private static ProviderVerdict order(String fulfillmentId, String orderId, PayoutOrder order) {
        if (order.fulfillments() == null) {
            return new ProviderVerdict(Outcome.ERROR, null, null, null, null);
        }
        Optional<Fulfillment> found = order.fulfillment(fulfillmentId);
        if (found.isEmpty()) {
            return new ProviderVerdict(Outcome.NOT_FOUND, null, null, "Payout order "
                    + LenientJson.firstOf(order.orderId(), orderId) + " holds no fulfillment " + fulfillmentId, null);
        }
        Fulfillment fulfillment = found.get();
        Outcome outcome = fulfillmentOutcome(fulfillment.status());
        String cancelledAt = outcome == Outcome.CANCELLED ? IsoTime.withOffset(fulfillment.updatedAt()) : null;
        return new ProviderVerdict(outcome, fulfillment.status(), null, null, cancelledAt);
    }

    /**
     * The fulfillment status table: CANCELLED is the cancel done; SUCCESS (paid out) and FAILURE (the payout failed
     * on its own) ended otherwise; CREATED, PENDING, MANUAL_REVIEW and any new status are still open. A fulfillment
     * without a status word says nothing.
     */
    static Outcome fulfillmentOutcome(String status) {
        if (status == null || status.isBlank()) {
            return Outcome.ERROR;
        }
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "CANCELLED" -> Outcome.CANCELLED;
            case "SUCCESS", "FAILURE" -> Outcome.REJECTED;
            default -> Outcome.PENDING;
        };
    }

    /** The cancel call's code table; without a known code the HTTP status decides, never as a state of the target. */
    static Outcome errorOutcome(int httpStatus, String code) {
        if (StatusOutcomes.retryable(httpStatus)) {
            return Outcome.ERROR;
        }
        return JuspayPayoutResponseTranslator.codeOutcome(code)
                .orElseGet(() -> StatusOutcomes.forStatusCheck(httpStatus));
    }
}

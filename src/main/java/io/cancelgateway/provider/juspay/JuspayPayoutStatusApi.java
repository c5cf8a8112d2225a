package io.cancelgateway.provider.juspay;

import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.PathSegment;
import io.cancelgateway.provider.ProviderRequest;
import io.cancelgateway.provider.ProviderStatusApi;
import io.cancelgateway.provider.ProviderVerdict;
import java.util.Objects;

/**
 * Juspay payout status: a fulfillment cancel is only scheduled, and Juspay says to read the payout order afterwards,
 * {@code GET /payout/merchant/v1/orders/{order_id}?expand=fulfillment} with the cancel call's headers. The order is the
 * request's parent reference; the cancelled fulfillment is found in it by id.
 */
public final class JuspayPayoutStatusApi implements ProviderStatusApi {

    private final JuspayPayoutStatusTranslator answers = new JuspayPayoutStatusTranslator();

    /** The order is known only from the request, and Juspay needs the merchant and routing ids on every call. */
    @Override
    public boolean canFollow(CancelTarget target) {
        return present(target.parentReference()) && present(target.merchantId()) && present(target.customerId());
    }

    @Override
    public ProviderRequest statusRequest(CancelTarget target) {
        String orderId = Objects.requireNonNull(target.parentReference(), "Juspay payout order id");
        return new ProviderRequest("GET", "/payout/merchant/v1/orders/" + PathSegment.encode(orderId)
                + "?expand=fulfillment", JuspayPayoutApi.headers(target), new byte[0]);
    }

    @Override
    public ProviderVerdict translateStatus(CancelTarget target, int httpStatus, String body) {
        return answers.translate(target.reference(), target.parentReference(), httpStatus, body);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

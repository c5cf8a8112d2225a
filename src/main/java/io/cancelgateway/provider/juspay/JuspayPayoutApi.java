package io.cancelgateway.provider.juspay;

import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.PathSegment;
import io.cancelgateway.provider.Provider;
import io.cancelgateway.provider.ProviderApi;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.ProviderRequest;
import io.cancelgateway.provider.ProviderVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Juspay payout fulfillment cancel: {@code POST /payout/merchant/v1/fulfillment/{id}/cancel} without a body, Basic
 * authentication. The cancel is only scheduled, so the best outcome is PENDING.
 */
@ApplicationScoped
public class JuspayPayoutApi implements ProviderApi {

    private final JuspayPayoutResponseTranslator answers = new JuspayPayoutResponseTranslator();

    @Override
    public Provider provider() {
        return Provider.JUSPAY_PAYOUT;
    }

    @Override
    public boolean needsMerchantId() {
        return true;
    }

    @Override
    public boolean needsCustomerId() {
        return true;
    }

    @Override
    public ProviderRequest cancelRequest(CancelTarget target) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-merchantid", Objects.requireNonNull(target.merchantId(), "Juspay merchant id"));
        // Juspay wants the same routing id on every call for a customer: the customer id, never a per-call value.
        headers.put("x-routing-id", Objects.requireNonNull(target.customerId(), "Juspay routing (customer) id"));
        headers.put("Accept", "application/json");
        return new ProviderRequest("POST", "/payout/merchant/v1/fulfillment/" + PathSegment.encode(target.reference())
                + "/cancel", headers, new byte[0]);
    }

    @Override
    public Map<String, String> authHeaders(ProviderCredentials credentials) {
        return JuspayBasicAuth.headers(credentials.apiKey());
    }

    @Override
    public ProviderVerdict translate(int httpStatus, String body) {
        return answers.translate(httpStatus, body);
    }
}

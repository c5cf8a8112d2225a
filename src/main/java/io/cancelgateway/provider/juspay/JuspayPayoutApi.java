package io.cancelgateway.provider.juspay;

import io.cancelgateway.provider.CallKind;
import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.PathSegment;
import io.cancelgateway.provider.Provider;
import io.cancelgateway.provider.ProviderApi;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.ProviderRequest;
import io.cancelgateway.provider.ProviderStatusApi;
import io.cancelgateway.provider.ProviderVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Juspay payout fulfillment cancel: {@code POST /payout/merchant/v1/fulfillment/{id}/cancel} without a body, Basic
 * authentication. The cancel is only scheduled, so the best outcome is PENDING; its {@link JuspayPayoutStatusApi}
 * follows it through the payout order.
 */
@ApplicationScoped
public class JuspayPayoutApi implements ProviderApi {

    private final JuspayPayoutResponseTranslator answers = new JuspayPayoutResponseTranslator();
    private final JuspayPayoutStatusApi statusApi = new JuspayPayoutStatusApi();

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
        return new ProviderRequest("POST", "/payout/merchant/v1/fulfillment/" + PathSegment.encode(target.reference())
                + "/cancel", headers(target), new byte[0]);
    }

    /** The headers of every payout call, cancel and status alike. */
    static Map<String, String> headers(CancelTarget target) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-merchantid", Objects.requireNonNull(target.merchantId(), "Juspay merchant id"));
        // Juspay wants the same routing id on every call for a customer: the customer id, never a per-call value.
        headers.put("x-routing-id", Objects.requireNonNull(target.customerId(), "Juspay routing (customer) id"));
        headers.put("Accept", "application/json");
        return headers;
    }

    @Override
    public Map<String, String> authHeaders(ProviderCredentials credentials) {
        return JuspayBasicAuth.headers(credentials.apiKey());
    }

    @Override
    public int statedStatus(CallKind kind, int httpStatus, String body) {
        return JuspayPayoutResponseTranslator.statedStatus(httpStatus, body);
    }

    @Override
    public ProviderVerdict translate(int httpStatus, String body) {
        return answers.translate(httpStatus, body);
    }

    @Override
    public Optional<ProviderStatusApi> statusApi() {
        return Optional.of(statusApi);
    }
}

package io.cancelgateway.provider.juspay;

import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.OutboundCall;
import io.cancelgateway.provider.PathSegment;
import io.cancelgateway.provider.ProviderCredentials;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Builds the Juspay payout cancel call: {@code POST /payout/merchant/v1/fulfillment/{id}/cancel}, without body. */
public final class JuspayPayoutRequestBuilder {

    public OutboundCall build(CancelTarget target, ProviderCredentials credentials, URI baseUrl) {
        URI uri = URI.create(baseUrl + "/payout/merchant/v1/fulfillment/" + PathSegment.encode(target.reference())
                + "/cancel");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", JuspayBasicAuth.headerValue(credentials.apiKey()));
        headers.put("x-merchantid", Objects.requireNonNull(target.merchantId(), "Juspay merchant id"));
        // Juspay wants the same routing id on every call for a customer: the customer id, never a per-call value.
        headers.put("x-routing-id", Objects.requireNonNull(target.customerId(), "Juspay routing (customer) id"));
        headers.put("Accept", "application/json");
        return new OutboundCall("POST", uri, headers, new byte[0]);
    }
}

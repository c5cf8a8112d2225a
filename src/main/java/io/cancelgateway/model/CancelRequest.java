package io.cancelgateway.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A cancel request as every channel receives it. Unknown fields are ignored so that callers can send
 * richer documents than the gateway needs. {@code parentReference} is the provider's id of the object that holds the
 * target, where its status API needs it (the payout order of a Juspay fulfillment).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CancelRequest(
        String requestId,
        String provider,
        String merchantId,
        String reference,
        String reason,
        String customerId,
        String parentReference) {

    public CancelRequest withRequestId(String id) {
        return new CancelRequest(id, provider, merchantId, reference, reason, customerId, parentReference);
    }

    public CancelRequest withProvider(String name) {
        return new CancelRequest(requestId, name, merchantId, reference, reason, customerId, parentReference);
    }

    public CancelRequest withMerchantId(String id) {
        return new CancelRequest(requestId, provider, id, reference, reason, customerId, parentReference);
    }
}

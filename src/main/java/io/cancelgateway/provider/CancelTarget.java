package io.cancelgateway.provider;

/**
 * The validated fields of a cancel request that a connector may put on the wire, and nothing else:
 * no inbound header, query string or message property can reach a provider call.
 *
 * @param reference the provider's order, fulfillment or payment id
 * @param merchantId the merchant the call is made for (the request's, else the provider's default); may be null
 * @param reason the cancel reason; may be null
 * @param customerId the customer id (Juspay payout routing id); may be null
 * @param parentReference the provider's id of the object holding the target (a Juspay payout order), for its status
 *        API; may be null
 */
public record CancelTarget(String reference, String merchantId, String reason, String customerId,
        String parentReference) {
}

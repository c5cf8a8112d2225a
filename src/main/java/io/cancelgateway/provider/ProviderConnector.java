package io.cancelgateway.provider;

import java.net.URI;

/**
 * Everything the gateway knows about one provider's wire format: how to build its cancel call and what its answers
 * mean. Implementations live in the provider's own package; the rest of the gateway only sees this interface.
 */
public interface ProviderConnector {

    Provider provider();

    /** Whether calls are signed with a secret key besides the API key. */
    default boolean needsSecretKey() {
        return false;
    }

    /** Whether the provider needs a merchant id on the wire, so a request without one (and no default) is invalid. */
    default boolean needsMerchantId() {
        return false;
    }

    /** Whether the provider needs the customer id on the wire. */
    default boolean needsCustomerId() {
        return false;
    }

    /**
     * Builds the call for one attempt. Called again for each retry, so signatures and timestamps are always fresh.
     *
     * @param baseUrl the configured base URL, without a trailing slash
     */
    OutboundCall buildCall(CancelTarget target, ProviderCredentials credentials, URI baseUrl);

    /**
     * Translates one provider answer. Pure: never throws, whatever the body holds; unknown fields and statuses are
     * tolerated.
     *
     * @param httpStatus the HTTP status the provider answered
     * @param body the response body as text, possibly empty or not JSON
     */
    ProviderVerdict translate(int httpStatus, String body);
}

package io.cancelgateway.provider;

import java.util.Map;
import java.util.Optional;

/**
 * One provider's cancel API as the gateway speaks it: the call for a target, the headers that authenticate and sign it,
 * and what its answers mean. One implementation per provider, in the provider's own package; the provider route's
 * steps ({@code routes/providers.camel.yaml}) are the only callers, so nothing else knows a provider's wire format.
 */
public interface ProviderApi {

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

    /** The cancel call for the target, without credentials. Built afresh for every attempt. */
    ProviderRequest cancelRequest(CancelTarget target);

    /** The headers that authenticate a call made with these credentials. */
    Map<String, String> authHeaders(ProviderCredentials credentials);

    /**
     * The headers that sign this call, for providers that sign; none by default. Called once per attempt, so a
     * time-based signature is never reused.
     */
    default Map<String, String> signatureHeaders(ProviderRequest request, ProviderCredentials credentials) {
        return Map.of();
    }

    /**
     * Translates one provider answer. Pure: never throws, whatever the body holds; unknown fields and statuses are
     * tolerated.
     *
     * @param httpStatus the HTTP status the provider answered
     * @param body the response body as text, possibly empty or not JSON
     */
    ProviderVerdict translate(int httpStatus, String body);

    /**
     * The status an answer to a call of that kind (cancel or status check) states: its HTTP status, unless the provider
     * wraps an error in a 2xx (KwikPaisa's {@code "status":false} envelope with a code, Juspay payout's error body).
     * Retries, the circuit breaker and lost answers go by it, so that a server error or throttling stated in the body
     * is retried like one sent as the HTTP status. Pure: never throws, whatever the body holds.
     */
    default int statedStatus(CallKind kind, int httpStatus, String body) {
        return httpStatus;
    }

    /** The provider's status API, to follow a cancel until its outcome is final; empty for a provider without one. */
    default Optional<ProviderStatusApi> statusApi() {
        return Optional.empty();
    }
}

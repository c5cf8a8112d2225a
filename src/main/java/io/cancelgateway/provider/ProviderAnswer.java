package io.cancelgateway.provider;

/**
 * What a provider answered to one call.
 *
 * @param status the HTTP status
 * @param statedStatus the status the answer states: the HTTP status, or the one a 2xx's body states where the
 *        provider wraps errors in a successful answer ({@link ProviderApi#statedStatus}); retries and lost answers go by
 *        it
 * @param retryAfter the {@code Retry-After} header, if the provider sent one
 * @param body the body as text, possibly empty
 */
public record ProviderAnswer(int status, int statedStatus, String retryAfter, String body) {

    /** An answer that states its HTTP status. */
    public ProviderAnswer(int status, String retryAfter, String body) {
        this(status, status, retryAfter, body);
    }

    /** The answer's status as results and logs tell it: {@code HTTP 200}, or {@code HTTP 200 stating 503}. */
    public String described() {
        return "HTTP " + status + (statedStatus == status ? "" : " stating " + statedStatus);
    }
}

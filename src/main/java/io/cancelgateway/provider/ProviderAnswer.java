package io.cancelgateway.provider;

/**
 * What a provider answered to one call.
 *
 * @param status the HTTP status
 * @param retryAfter the {@code Retry-After} header, if the provider sent one
 * @param body the body as text, possibly empty
 */
public record ProviderAnswer(int status, String retryAfter, String body) {
}

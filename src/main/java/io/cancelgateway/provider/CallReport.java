package io.cancelgateway.provider;

/**
 * How the calls for one cancel went so far: the last answer, or why there was none.
 *
 * @param attempts HTTP calls made
 * @param answer the last answer; null when the provider never answered
 * @param failure why the last attempt got no answer; null when it did
 * @param timedOut whether the last attempt ran out of time connecting or waiting for the answer
 */
public record CallReport(int attempts, ProviderAnswer answer, String failure, boolean timedOut) {

    /** Whether another attempt may give a definitive answer: no answer at all, a server error, or throttling. */
    public boolean worthRetrying() {
        return answer == null || StatusOutcomes.retryable(answer.status());
    }
}

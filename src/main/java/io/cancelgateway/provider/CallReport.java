package io.cancelgateway.provider;

/**
 * How the calls for one cancel went so far: the last answer, or why there was none.
 *
 * @param attempts HTTP calls made
 * @param answer the last answer; null when the provider never answered
 * @param failure why the last attempt got no answer; null when it did
 * @param timedOut whether the last attempt ran out of time connecting or waiting for the answer
 * @param mayHaveReached whether the last attempt's request may have reached the provider: always when it answered;
 *        without an answer, unless the attempt failed while connecting, before anything was sent
 * @param deadlinePassed whether the attempts stopped because the cancel's deadline passed, or would have during the
 *        wait for the next one
 */
public record CallReport(int attempts, ProviderAnswer answer, String failure, boolean timedOut,
        boolean mayHaveReached, boolean deadlinePassed) {

    /** Whether another attempt may give a definitive answer: no answer at all, a server error, or throttling. */
    public boolean worthRetrying() {
        return answer == null || StatusOutcomes.retryable(answer.statedStatus());
    }

    /** Whether the provider showed itself up and answering: any answer but a server error. */
    public boolean providerAnswered() {
        return answer != null && answer.statedStatus() < 500;
    }

    /**
     * Whether the last attempt may have reached the provider without the gateway learning what it did: no answer
     * came, or none that could be read, after its request went out, or the provider answered with a server error.
     */
    public boolean outcomeUnknown() {
        return answer == null ? mayHaveReached : answer.statedStatus() >= 500;
    }

    /** The same report, the cancel's deadline having passed. */
    public CallReport atDeadline() {
        return new CallReport(attempts, answer, failure, timedOut, mayHaveReached, true);
    }
}

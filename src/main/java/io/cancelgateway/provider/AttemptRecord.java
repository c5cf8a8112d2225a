package io.cancelgateway.provider;

import java.time.Instant;

/**
 * One HTTP call made to a provider, as the journal keeps it.
 *
 * @param attempt 1 for the first call of a run, 2 for its first retry...
 * @param startedAt when the call was sent
 * @param httpStatus the provider's status; null when it never answered
 * @param durationMs how long the call took
 * @param failure why there was no answer; null when there was one
 * @param responseBody the provider's body as received (mask it before storing)
 * @param kind a cancel call, or a check of the target's status
 */
public record AttemptRecord(int attempt, Instant startedAt, Integer httpStatus, long durationMs, String failure,
        String responseBody, CallKind kind) {
}

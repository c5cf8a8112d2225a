package io.cancelgateway.call;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a provider route waits before attempting again: {@code cancel.retry.initial-backoff} doubled at every retry
 * up to {@code cancel.retry.max-backoff}, of which a random amount between half and all is waited ("equal jitter"), so
 * that cancels failing together do not come back together; or the provider's {@code Retry-After}, up to
 * {@code cancel.retry.retry-after-cap}. The jitter is drawn after the cap, so waits never bunch at the cap.
 */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, Duration retryAfterCap) {

    static RetryPolicy of(RetryConfig config) {
        return new RetryPolicy(config.initialBackoff(), config.maxBackoff(), config.retryAfterCap());
    }

    /**
     * The wait before the given attempt (2 for the first retry).
     *
     * @param retryAfter the {@code Retry-After} header of the previous answer, if any
     */
    public Duration delayBefore(int attempt, String retryAfter, Clock clock) {
        Optional<Duration> asked = RetryAfter.delay(retryAfter, clock);
        if (asked.isPresent()) {
            return asked.get().compareTo(retryAfterCap) > 0 ? retryAfterCap : asked.get();
        }
        long ceiling = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(attempt - 2, 20));
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }
}

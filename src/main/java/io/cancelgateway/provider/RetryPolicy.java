package io.cancelgateway.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How many calls a cancel may make and how long to wait between them: exponential backoff with jitter, so that many
 * gateways retrying at once do not hit a recovering provider in lockstep, and the provider's {@code Retry-After} when it
 * gives one, up to a cap.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration retryAfterCap) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("cancel.retry.max-attempts must be at least 1, was " + maxAttempts);
        }
    }

    /**
     * The wait before the given attempt (2 for the first retry).
     *
     * @param retryAfter the {@code Retry-After} header of the previous answer, if any
     */
    public Duration delayBefore(int attempt, Optional<String> retryAfter, Clock clock) {
        Optional<Duration> asked = retryAfter.flatMap(value -> parseRetryAfter(value, clock));
        if (asked.isPresent()) {
            Duration wanted = asked.get();
            return wanted.compareTo(retryAfterCap) > 0 ? retryAfterCap : wanted;
        }
        long ceiling = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(attempt - 2, 20));
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }

    /** Retry-After is either delay-seconds or an HTTP date. */
    static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}

package io.cancelgateway.flow;

import java.time.Duration;

import io.cancelgateway.provider.RetryPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Retries of provider calls: {@code cancel.retry.*}. */
@ConfigMapping(prefix = "cancel.retry")
public interface RetryConfig {

    /** HTTP calls per cancel in all, the first included. */
    @WithDefault("3")
    int maxAttempts();

    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("2s")
    Duration maxBackoff();

    /** The longest wait a provider's Retry-After is honoured for. */
    @WithDefault("10s")
    Duration retryAfterCap();

    default RetryPolicy policy() {
        return new RetryPolicy(maxAttempts(), initialBackoff(), maxBackoff(), retryAfterCap());
    }
}

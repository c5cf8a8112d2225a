package io.cancelgateway.call;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/**
 * Retries of provider calls, {@code cancel.retry.*}: the provider route's redelivery policy reads them as placeholders
 * ({@code routes/providers.camel.yaml}); the defaults are in {@code application.properties}.
 */
@ConfigMapping(prefix = "cancel.retry")
public interface RetryConfig {

    /** HTTP calls per cancel in all, the first included. */
    int maxAttempts();

    /** The first wait; it doubles with every retry, with jitter. */
    Duration initialBackoff();

    /** The longest computed wait. */
    Duration maxBackoff();

    /** The longest wait a provider's Retry-After is honoured for. */
    Duration retryAfterCap();
}

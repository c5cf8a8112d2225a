package io.cancelgateway.provider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

/**
 * Calls one provider for one cancel, retrying what may succeed next time: connect failures, timeouts, 5xx and 429.
 * Each attempt is built anew by the connector so signatures and timestamps are fresh. Any other answer is final.
 */
public final class ProviderCall {

    private static final Logger LOG = Logger.getLogger(ProviderCall.class);
    private static final String TIMEOUT = ProviderResults.TIMEOUT_ERROR + " waiting for ";

    private final ProviderConnector connector;
    private final ProviderHttpClient http;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final Consumer<Duration> attemptTimer;

    /**
     * @param attemptTimer receives the duration of every HTTP call (metrics)
     */
    public ProviderCall(ProviderConnector connector, ProviderHttpClient http, RetryPolicy retryPolicy, Clock clock,
            Consumer<Duration> attemptTimer) {
        this.connector = connector;
        this.http = http;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.attemptTimer = attemptTimer;
    }

    /**
     * @param onAttempt receives every call made, as it completes
     */
    public CallReport execute(CancelTarget target, ProviderCredentials credentials, URI baseUrl,
            Consumer<AttemptRecord> onAttempt) {
        String provider = connector.provider().id();
        CallReport report = null;
        for (int attempt = 1; attempt <= retryPolicy.maxAttempts(); attempt++) {
            if (report != null && !sleep(retryPolicy.delayBefore(attempt, retryAfter(report), clock))) {
                return report;
            }
            report = attempt(attempt, target, credentials, baseUrl, onAttempt);
            if (!worthRetrying(report)) {
                return report;
            }
            if (attempt < retryPolicy.maxAttempts()) {
                LOG.debugf("provider=%s reference=%s attempt=%d gave %s, retrying", provider, target.reference(),
                        attempt, report.answer() != null ? "HTTP " + report.answer().status() : report.failure());
            }
        }
        return report;
    }

    private CallReport attempt(int attempt, CancelTarget target, ProviderCredentials credentials, URI baseUrl,
            Consumer<AttemptRecord> onAttempt) {
        OutboundCall call = connector.buildCall(target, credentials, baseUrl);
        Instant startedAt = clock.instant();
        long started = System.nanoTime();
        CallReport report = send(attempt, call);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        attemptTimer.accept(took);
        ProviderAnswer answer = report.answer();
        onAttempt.accept(new AttemptRecord(attempt, startedAt, answer == null ? null : answer.status(), took.toMillis(),
                report.failure(), answer == null ? null : answer.body()));
        return report;
    }

    private CallReport send(int attempt, OutboundCall call) {
        try {
            return new CallReport(attempt, http.send(call), null, false);
        } catch (HttpTimeoutException timeout) {
            return new CallReport(attempt, null, TIMEOUT + connector.provider().id(), true);
        } catch (IOException transport) {
            return new CallReport(attempt, null, "could not reach " + connector.provider().id() + ": "
                    + describe(transport), false);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new CallReport(attempt, null, "interrupted while calling " + connector.provider().id(), false);
        }
    }

    private static boolean worthRetrying(CallReport report) {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        return report.answer() == null || StatusOutcomes.retryable(report.answer().status());
    }

    private static Optional<String> retryAfter(CallReport report) {
        return report.answer() == null ? Optional.empty() : report.answer().header("Retry-After");
    }

    private static boolean sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String describe(IOException failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}

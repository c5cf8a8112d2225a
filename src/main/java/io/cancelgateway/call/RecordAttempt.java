package io.cancelgateway.call;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.hc.core5.http.MessageConstraintException;

import io.cancelgateway.flow.CancelMetrics;
import io.cancelgateway.journal.ResponseBodyMask;
import io.cancelgateway.provider.AttemptRecord;
import io.cancelgateway.provider.CallKind;
import io.cancelgateway.provider.CallReport;
import io.cancelgateway.provider.Provider;
import io.cancelgateway.provider.ProviderAnswer;
import io.cancelgateway.provider.ProviderApi;
import io.cancelgateway.provider.ProviderText;

/**
 * Records the attempt just made (its time, status or failure, and the provider's body masked of secrets), times it,
 * frees its slot and tells the provider's circuit how it went, then clears the message of everything the call and the
 * provider put on it. An attempt worth repeating (no answer, a
 * server error, throttling) ends in {@link RetryableAttempt}, with the wait before the next one as the redelivery's
 * delay ({@link RetryPolicy}).
 */
@ApplicationScoped
@Named("recordAttempt")
public class RecordAttempt implements Processor {

    /** The start of the error handler's own headers (its redelivery count among them), which stay on the message. */
    private static final String REDELIVERY_HEADER_PREFIX = "CamelRedelivery";

    private final Map<Provider, Consumer<Duration>> timers = new EnumMap<>(Provider.class);
    private final RetryPolicy retryPolicy;
    private final KnownSecrets secrets;
    private final ConfiguredProviders providers;
    private final Clock clock = Clock.systemUTC();

    public RecordAttempt(CancelMetrics metrics, RetryConfig retry, KnownSecrets secrets, ConfiguredProviders providers) {
        this.secrets = secrets;
        this.providers = providers;
        for (Provider provider : Provider.values()) {
            timers.put(provider, metrics.providerCallTimer(provider));
        }
        this.retryPolicy = RetryPolicy.of(retry);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        CancelCall call = CancelCall.of(exchange);
        long now = System.nanoTime();
        long tookNanos = now - call.attemptStartedNanos();
        Instant startedAt = clock.instant().minusNanos(tookNanos);
        int attempt = call.attempts().size() + 1;
        Exception failure = exchange.getProperty(NoAnswer.FAILURE, Exception.class);
        exchange.removeProperty(NoAnswer.FAILURE);
        Message message = exchange.getMessage();
        CallReport report = failure != null
                ? noAnswer(attempt, call, failure)
                : new CallReport(attempt, answer(message, providers.api(call.provider()), call.kind()), null, false,
                        true, false);
        call.leave(report.providerAnswered());
        timers.get(call.provider()).accept(Duration.ofNanos(tookNanos));
        ProviderAnswer answer = report.answer();
        Duration wait = report.worthRetrying()
                ? retryPolicy.delayBefore(attempt + 1, answer == null ? null : answer.retryAfter(), clock)
                : Duration.ZERO;
        // No attempt is begun that the deadline would end before it could be made.
        boolean deadlinePassed = report.worthRetrying() && now + wait.toNanos() - call.deadline() >= 0;
        call.attempted(new AttemptRecord(attempt, startedAt, answer == null ? null : answer.status(),
                Duration.ofNanos(tookNanos).toMillis(), report.failure(),
                answer == null ? null
                        : ResponseBodyMask.mask(secrets.mask(answer.body(), call.secrets()), List.of()), call.kind()),
                deadlinePassed ? report.atDeadline() : report);
        // The redelivery counters stay: Camel's error handler keeps its count in them. A prefix test, not
        // removeHeaders' exclude pattern, which is tried as a regular expression, compiled anew for every header.
        message.getHeaders().keySet().removeIf(name -> !name.startsWith(REDELIVERY_HEADER_PREFIX));
        message.setBody(null);
        if (report.worthRetrying() && !deadlinePassed) {
            message.setHeader(Exchange.REDELIVERY_DELAY, wait.toMillis());
            throw new RetryableAttempt(call.provider().id() + " attempt " + attempt + " gave "
                    + (answer == null ? report.failure() : answer.described()));
        }
    }

    private static ProviderAnswer answer(Message message, ProviderApi api, CallKind kind) {
        Integer header = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        int status = header == null ? 0 : header;
        byte[] bytes = message.getBody(byte[].class);
        String body = bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
        return new ProviderAnswer(status, api.statedStatus(kind, status, body),
                message.getHeader("Retry-After", String.class), body);
    }

    private CallReport noAnswer(int attempt, CancelCall call, Exception failure) {
        Provider provider = call.provider();
        Throwable cause = failure;
        while (cause != null && !(cause instanceof IOException)) {
            cause = cause.getCause();
        }
        if (cause instanceof MessageConstraintException) {
            return new CallReport(attempt, null, provider.id() + " answered with a head over its limits ("
                    + cause.getMessage() + ")", false, true, false);
        }
        if (cause instanceof AnswerNotRead) {
            // Like a connection lost while the answer came: retried, and the cancel ends ERROR if every attempt was.
            return new CallReport(attempt, null, cause.getMessage(), false, true, false);
        }
        boolean mayHaveReached = !ConnectFailure.is(cause);
        if (cause instanceof InterruptedIOException) {
            // Connect and read timeouts both: no answer came in the time the provider is given.
            return new CallReport(attempt, null, "timed out waiting for " + provider.id(), true, mayHaveReached,
                    false);
        }
        Throwable shown = cause != null ? cause : failure;
        // The HTTP client's message may quote what the provider sent (a malformed header line, a chunk header).
        String message = ProviderText.shown(secrets.mask(shown.getMessage(), call.secrets()));
        return new CallReport(attempt, null, "could not reach " + provider.id() + ": "
                + (message == null || message.isBlank() ? shown.getClass().getSimpleName() : message), false,
                mayHaveReached, false);
    }
}

package io.cancelgateway.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The one canonical answer to a cancel request. Field names are a public contract (JSON in snake_case, CSV columns).
 * Timestamps are ISO-8601 strings so they keep the offset the provider stated. {@code replayed} is true when the answer is
 * the stored result of an earlier request with the same {@code request_id}, given without calling the provider again.
 * The sync fields say whether the gateway follows the outcome at the provider ({@link SyncState}), when it checks next,
 * when a status check last got an answer and how many it made.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "request_id", "provider", "merchant_id", "reference", "outcome", "retryable", "provider_status",
        "provider_code", "provider_message", "http_status", "cancelled_at", "completed_at", "attempts", "duration_ms",
        "channel", "error", "replayed", "sync_state", "next_check_at", "synced_at", "status_checks" })
public record CancelResult(
        String requestId,
        String provider,
        String merchantId,
        String reference,
        Outcome outcome,
        boolean retryable,
        String providerStatus,
        String providerCode,
        String providerMessage,
        Integer httpStatus,
        String cancelledAt,
        String completedAt,
        int attempts,
        long durationMs,
        Channel channel,
        String error,
        boolean replayed,
        SyncState syncState,
        String nextCheckAt,
        String syncedAt,
        int statusChecks) {

    /** A result reached without calling the provider (validation, routing or missing credentials). */
    public static CancelResult withoutCall(CancelRequest request, Outcome outcome, String error) {
        return new CancelResult(request.requestId(), request.provider(), request.merchantId(), request.reference(),
                outcome, outcome.retryable(), null, null, null, null, null, null, 0, 0, null, error, false, null, null, null, 0);
    }

    /** Stamps what only the end of the flow knows: the channel, the completion time and the total duration. */
    public CancelResult completed(Channel completedOn, String completedAtUtc, long totalMillis) {
        return new CancelResult(requestId, provider, merchantId, reference, outcome, retryable, providerStatus,
                providerCode, providerMessage, httpStatus, cancelledAt, completedAtUtc, attempts, totalMillis,
                completedOn, error, replayed, syncState, nextCheckAt, syncedAt, statusChecks);
    }

    /** The stored result given again for a repeated request. */
    public CancelResult asReplay() {
        return new CancelResult(requestId, provider, merchantId, reference, outcome, retryable, providerStatus,
                providerCode, providerMessage, httpStatus, cancelledAt, completedAt, attempts, durationMs, channel, error,
                true, syncState, nextCheckAt, syncedAt, statusChecks);
    }

    /** The same result with its sync state as it is now. */
    public CancelResult withSync(SyncState state, String nextCheck, String synced, int checks) {
        return new CancelResult(requestId, provider, merchantId, reference, outcome, retryable, providerStatus,
                providerCode, providerMessage, httpStatus, cancelledAt, completedAt, attempts, durationMs, channel, error,
                replayed, state, nextCheck, synced, checks);
    }

    /**
     * The result as a status check found the target: the provider's new outcome and what it said, the cancel's own
     * fields (attempts, completion, channel) kept.
     */
    public CancelResult withStatus(Outcome found, String status, String code, String message, Integer answeredStatus,
            String cancelled) {
        return new CancelResult(requestId, provider, merchantId, reference, found, found.retryable(), status, code,
                message, answeredStatus, cancelled, completedAt, attempts, durationMs, channel, null, replayed,
                syncState, nextCheckAt, syncedAt, statusChecks);
    }

    /** Whether a repeat of this request is answered from the journal rather than attempted again. */
    @JsonIgnore
    public boolean isFinal() {
        return !outcome.attemptedAgain();
    }
}

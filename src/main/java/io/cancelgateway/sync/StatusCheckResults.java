package io.cancelgateway.sync;

import java.time.Instant;
import java.util.Optional;

import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.model.SyncState;
import io.cancelgateway.provider.ProviderVerdict;

/**
 * What a status check makes of a followed result. The target cancelled, ended otherwise (REJECTED) or unknown
 * (NOT_FOUND) is final: the result takes the provider's outcome and words. Still open, or a check that found nothing,
 * leaves the outcome as it was and schedules the next check; when the deadline has come instead, following ends
 * (EXPIRED) with the outcome unchanged.
 */
public final class StatusCheckResults {

    private StatusCheckResults() {
    }

    /**
     * @param current the result as stored
     * @param finding what the check found
     * @param now when the check ended
     * @param nextCheck when to check next; empty when the deadline has come
     */
    public static CancelResult apply(CancelResult current, StatusFinding finding, Instant now,
            Optional<Instant> nextCheck) {
        int checks = current.statusChecks() + 1;
        ProviderVerdict verdict = finding.verdict();
        String syncedAt = verdict == null || !answered(verdict.outcome()) ? current.syncedAt() : now.toString();
        if (verdict != null && isFinal(verdict.outcome())) {
            return current.withStatus(verdict.outcome(), verdict.providerStatus(), verdict.providerCode(),
                    verdict.providerMessage(), finding.httpStatus(), verdict.cancelledAt())
                    .withSync(SyncState.FINAL, null, syncedAt, checks);
        }
        return nextCheck.map(next -> current.withSync(SyncState.FOLLOWING, next.toString(), syncedAt, checks))
                .orElseGet(() -> current.withSync(SyncState.EXPIRED, null, syncedAt, checks));
    }

    /** Whether a check's outcome ends following: the provider said what became of the target. */
    private static boolean isFinal(Outcome found) {
        return found == Outcome.CANCELLED || found == Outcome.REJECTED || found == Outcome.NOT_FOUND;
    }

    /** Whether the provider said something about the target, final or not (a failed check says nothing). */
    private static boolean answered(Outcome found) {
        return isFinal(found) || found == Outcome.PENDING;
    }
}

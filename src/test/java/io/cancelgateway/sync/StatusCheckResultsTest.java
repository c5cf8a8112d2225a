package io.cancelgateway.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Channel;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.model.SyncState;
import io.cancelgateway.provider.ProviderVerdict;

class StatusCheckResultsTest {

    static final Instant NOW = Instant.parse("2026-11-30T10:05:00Z");
    static final Instant NEXT = Instant.parse("2026-11-30T10:06:00Z");
    static final String EARLIER_SYNC = "2026-11-30T10:04:00Z";

    /** A payout cancel answered 202 (PENDING), or a Hyperswitch void that timed out (ERROR), checked once before. */
    static CancelResult followed(Outcome outcome) {
        return new CancelResult("req-1", "juspay-payout", "m-1", "ful_1", outcome, outcome.retryable(), null, null,
                "Fulfillment is scheduled for cancelation.", outcome == Outcome.PENDING ? 202 : null, null,
                "2026-11-30T10:00:00Z", 1, 45, Channel.JMS, outcome == Outcome.ERROR ? "timed out" : null, false,
                SyncState.FOLLOWING, "2026-11-30T10:05:00Z", EARLIER_SYNC, 1);
    }

    @ParameterizedTest(name = "{0} after {1}: {2}")
    @CsvSource({
            "CANCELLED, PENDING, CANCELLED", "CANCELLED, ERROR, CANCELLED",
            "REJECTED, PENDING, REJECTED", "REJECTED, ERROR, REJECTED",
            "NOT_FOUND, PENDING, NOT_FOUND", "NOT_FOUND, ERROR, NOT_FOUND" })
    void aFinalFindingDecidesTheOutcomeAndEndsFollowing(Outcome found, Outcome before, Outcome after) {
        ProviderVerdict verdict = new ProviderVerdict(found, "STATUS-" + found, "code", "message",
                found == Outcome.CANCELLED ? "2026-11-30T10:04:30Z" : null);

        CancelResult result = StatusCheckResults.apply(followed(before), new StatusFinding(verdict, 200, null), NOW,
                Optional.of(NEXT));

        assertThat(result.outcome()).isEqualTo(after);
        assertThat(result.retryable()).isFalse();
        assertThat(result.error()).isNull();
        assertThat(result.providerStatus()).isEqualTo("STATUS-" + found);
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.cancelledAt()).isEqualTo(verdict.cancelledAt());
        assertThat(result.syncState()).isEqualTo(SyncState.FINAL);
        assertThat(result.nextCheckAt()).isNull();
        assertThat(result.syncedAt()).isEqualTo(NOW.toString());
        assertThat(result.statusChecks()).isEqualTo(2);
        assertThat(result.completedAt()).isEqualTo("2026-11-30T10:00:00Z");
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.channel()).isEqualTo(Channel.JMS);
    }

    @ParameterizedTest
    @EnumSource(value = Outcome.class, names = { "PENDING", "ERROR" })
    void stillOpenLeavesTheOutcomeAndSchedulesTheNextCheck(Outcome before) {
        StatusFinding open = new StatusFinding(new ProviderVerdict(Outcome.PENDING, "PENDING", null, null, null), 200,
                null);

        CancelResult result = StatusCheckResults.apply(followed(before), open, NOW, Optional.of(NEXT));

        assertThat(result).isEqualTo(followed(before).withSync(SyncState.FOLLOWING, NEXT.toString(), NOW.toString(),
                2));
    }

    @ParameterizedTest
    @EnumSource(value = Outcome.class, names = { "ERROR", "AUTH_FAILED", "INVALID" })
    void aFailedCheckSaysNothingAboutTheTarget(Outcome checkFailedAs) {
        StatusFinding failed = new StatusFinding(new ProviderVerdict(checkFailedAs, null, "E90", "down", null), 503,
                null);

        CancelResult result = StatusCheckResults.apply(followed(Outcome.PENDING), failed, NOW, Optional.of(NEXT));

        assertThat(result).isEqualTo(followed(Outcome.PENDING).withSync(SyncState.FOLLOWING, NEXT.toString(),
                EARLIER_SYNC, 2));
        assertThat(StatusCheckResults.apply(followed(Outcome.PENDING), StatusFinding.failed("could not reach"), NOW,
                Optional.of(NEXT))).isEqualTo(result);
    }

    @ParameterizedTest
    @EnumSource(value = Outcome.class, names = { "PENDING", "ERROR" })
    void atTheDeadlineFollowingExpiresWithTheOutcomeUnchanged(Outcome before) {
        CancelResult result = StatusCheckResults.apply(followed(before), StatusFinding.failed("timed out"), NOW,
                Optional.empty());

        assertThat(result.outcome()).isEqualTo(before);
        assertThat(result.syncState()).isEqualTo(SyncState.EXPIRED);
        assertThat(result.nextCheckAt()).isNull();
        assertThat(result.statusChecks()).isEqualTo(2);
    }
}

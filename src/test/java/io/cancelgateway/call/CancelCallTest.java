package io.cancelgateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.AttemptRecord;
import io.cancelgateway.provider.CallKind;
import io.cancelgateway.provider.CallReport;
import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.Provider;
import io.cancelgateway.provider.ProviderAnswer;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.hyperswitch.HyperswitchApi;
import io.cancelgateway.provider.juspay.JuspayOrderApi;
import io.cancelgateway.provider.juspay.JuspayPayoutApi;

/** Which cancels are followed until final: decided from every attempt, not only the last. */
class CancelCallTest {

    static final AttemptRecord ATTEMPT = new AttemptRecord(1, Instant.EPOCH, null, 10, "x", null, CallKind.CANCEL);

    @Test
    void anErrorIsFollowedWhenAnyAttemptMayHaveReachedTheProvider() {
        CancelCall timedOutThenThrottled = call(Provider.HYPERSWITCH, null);
        timedOutThenThrottled.attempted(ATTEMPT, new CallReport(1, null, "timed out", true, true, false));
        timedOutThenThrottled.attempted(ATTEMPT, new CallReport(2, new ProviderAnswer(429, null, ""), null, false,
                true, false));
        CancelCall serverErrorThenRefused = call(Provider.HYPERSWITCH, null);
        serverErrorThenRefused.attempted(ATTEMPT, new CallReport(1, new ProviderAnswer(503, null, ""), null, false,
                true, false));
        CancelCall neverReached = call(Provider.HYPERSWITCH, null);
        neverReached.attempted(ATTEMPT, new CallReport(1, null, "connection refused", false, false, false));
        neverReached.attempted(ATTEMPT, new CallReport(2, new ProviderAnswer(429, null, ""), null, false, true, false));
        CancelCall connectTimedOut = call(Provider.HYPERSWITCH, null);
        connectTimedOut.attempted(ATTEMPT, new CallReport(1, null, "timed out", true, false, false));
        CancelCall answerNotRead = call(Provider.HYPERSWITCH, null);
        answerNotRead.attempted(ATTEMPT, new CallReport(1, null, "answered with more than 1024 KiB", false, true,
                false));

        assertThat(timedOutThenThrottled.followable(new HyperswitchApi(), Outcome.ERROR)).isTrue();
        assertThat(serverErrorThenRefused.followable(new HyperswitchApi(), Outcome.ERROR)).isTrue();
        assertThat(neverReached.followable(new HyperswitchApi(), Outcome.ERROR)).isFalse();
        assertThat(connectTimedOut.followable(new HyperswitchApi(), Outcome.ERROR)).isFalse();
        assertThat(answerNotRead.followable(new HyperswitchApi(), Outcome.ERROR)).isTrue();
        assertThat(neverReached.followable(new HyperswitchApi(), Outcome.PENDING)).isTrue();
        assertThat(timedOutThenThrottled.followable(new HyperswitchApi(), Outcome.CANCELLED)).isFalse();
    }

    @Test
    void onlyATargetItsProviderCanCheckIsFollowed() {
        assertThat(call(Provider.JUSPAY_PAYOUT, "po_1").followable(new JuspayPayoutApi(), Outcome.PENDING)).isTrue();
        assertThat(call(Provider.JUSPAY_PAYOUT, null).followable(new JuspayPayoutApi(), Outcome.PENDING)).isFalse();
        assertThat(call(Provider.JUSPAY_ORDER, null).followable(new JuspayOrderApi("why"), Outcome.PENDING))
                .isFalse();
    }

    static CancelCall call(Provider provider, String parentReference) {
        CancelRequest request = new CancelRequest("r-1", provider.id(), "m-1", "ref_1", null, "cust_1",
                parentReference);
        return new CancelCall(provider, CallKind.CANCEL, request,
                new CancelTarget("ref_1", "m-1", null, "cust_1", parentReference),
                new ProviderCredentials("key", null), System.nanoTime() + 1_000_000_000L);
    }
}

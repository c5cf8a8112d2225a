package io.cancelgateway.provider;

import java.util.function.UnaryOperator;

import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Outcome;

/** Turns how the calls went into the canonical result, with the gateway's own explanation where one is due. */
public final class ProviderResults {

    private ProviderResults() {
    }

    /**
     * @param merchantId the merchant the call was made for
     * @param outcomeUnknown whether an attempt may have reached the provider without the gateway learning what it did
     * @param mask applied to every text the provider sent (its status, code and message), so that no secret it echoes
     *        reaches the result
     */
    public static CancelResult fromCall(CancelRequest request, String merchantId, ProviderApi api,
            CallReport report, boolean outcomeUnknown, UnaryOperator<String> mask) {
        String provider = api.provider().id();
        if (report.answer() == null) {
            return new CancelResult(request.requestId(), provider, merchantId, request.reference(), Outcome.ERROR, true,
                    null, null, null, null, null, null, report.attempts(), 0, null,
                    report.failure() + " after " + plural(report.attempts()) + deadline(report), false, null, null, null, 0);
        }
        int status = report.answer().status();
        ProviderVerdict verdict = api.translate(status, report.answer().body());
        if (outcomeUnknown && verdict.outcome() == Outcome.ALREADY_CANCELLED) {
            // An earlier attempt of ours reached the provider before its answer was lost; one refused before it was
            // sent, or throttled, did not cancel anything.
            verdict = verdict.withOutcome(Outcome.CANCELLED);
        }
        return new CancelResult(request.requestId(), provider, merchantId, request.reference(), verdict.outcome(),
                verdict.outcome().retryable(), mask.apply(verdict.providerStatus()), mask.apply(verdict.providerCode()),
                mask.apply(verdict.providerMessage()), status, verdict.cancelledAt(), null, report.attempts(), 0, null,
                explain(verdict.outcome(), provider, report), false, null, null, null, 0);
    }

    private static String explain(Outcome outcome, String provider, CallReport report) {
        String answered = report.answer().described();
        return switch (outcome) {
            case AUTH_FAILED -> provider + " refused the gateway's credentials (" + answered + ")";
            case INVALID -> provider + " called the request malformed (" + answered + ")";
            case ERROR -> provider + " gave no definitive answer (" + answered + ") after "
                    + plural(report.attempts()) + deadline(report);
            default -> null;
        };
    }

    private static String deadline(CallReport report) {
        return report.deadlinePassed() ? ", when its deadline came" : "";
    }

    private static String plural(int attempts) {
        return attempts == 1 ? "1 attempt" : attempts + " attempts";
    }
}

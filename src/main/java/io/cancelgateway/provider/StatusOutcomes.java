package io.cancelgateway.provider;

import io.cancelgateway.model.Outcome;

/**
 * What an HTTP status means when the body says nothing more specific. Translators start from this and refine it with
 * what the provider's body states.
 */
public final class StatusOutcomes {

    private StatusOutcomes() {
    }

    /**
     * What an HTTP status means for a cancel when the body says nothing more specific. A 404 is an ERROR: only the
     * provider's own not-found answer, which each translator reads, is NOT_FOUND, a final answer; a 404 without it is
     * a proxy's or a wrong base URL's, and says nothing about the target.
     */
    public static Outcome forStatus(int httpStatus) {
        if (httpStatus >= 200 && httpStatus < 300) {
            return Outcome.PENDING;
        }
        return switch (httpStatus) {
            case 400, 422 -> Outcome.INVALID;
            case 401, 403 -> Outcome.AUTH_FAILED;
            case 409 -> Outcome.REJECTED;
            default -> Outcome.ERROR;
        };
    }

    /**
     * What an HTTP status means for a status call when the body says nothing more specific. Only a status the
     * provider states can say the target is final or still open, so a 2xx without one, a conflict or an unknown
     * status is an ERROR: the check failed and says nothing about the target. So is a 404 without the provider's own
     * not-found answer (a proxy's, a wrong base URL's): NOT_FOUND would end the following for good.
     */
    public static Outcome forStatusCheck(int httpStatus) {
        return switch (httpStatus) {
            case 400, 422 -> Outcome.INVALID;
            case 401, 403 -> Outcome.AUTH_FAILED;
            default -> Outcome.ERROR;
        };
    }

    /** Answers worth another attempt: the provider may give a definitive answer next time. */
    public static boolean retryable(int httpStatus) {
        return httpStatus == 429 || httpStatus >= 500;
    }
}

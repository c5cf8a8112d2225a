package io.cancelgateway.rest;

import io.cancelgateway.model.CancelResult;
import io.cancelgateway.provider.ProviderResults;

/** The HTTP status the REST channel answers a cancel result with. */
public final class RestStatus {

    private RestStatus() {
    }

    public static int of(CancelResult result) {
        return switch (result.outcome()) {
            case CANCELLED, ALREADY_CANCELLED -> 200;
            case PENDING -> 202;
            case REJECTED -> 409;
            case NOT_FOUND -> 404;
            case INVALID -> 400;
            case AUTH_FAILED -> 502;
            case ERROR -> ProviderResults.timedOut(result) ? 504 : 502;
        };
    }
}

package io.cancelgateway.rest;

import io.cancelgateway.model.CancelResult;

/** The HTTP status the REST channel answers a cancel result with. */
public final class RestStatus {

    private RestStatus() {
    }

    /** @param timedOut whether the last call to the provider got no answer in time (504 for an ERROR) */
    public static int of(CancelResult result, boolean timedOut) {
        return switch (result.outcome()) {
            case CANCELLED, ALREADY_CANCELLED -> 200;
            case PENDING -> 202;
            case REJECTED -> 409;
            case NOT_FOUND -> 404;
            case INVALID -> 400;
            case AUTH_FAILED -> 502;
            case ERROR -> timedOut ? 504 : 502;
        };
    }
}

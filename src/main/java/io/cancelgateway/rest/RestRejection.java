package io.cancelgateway.rest;

import java.time.Duration;

/** A REST request refused before it became a cancel request; answered as a JSON error with this status. */
public class RestRejection extends RuntimeException {

    private final int status;
    private final String error;
    private final Duration retryAfter;

    public RestRejection(int status, String error, String detail) {
        this(status, error, detail, null);
    }

    /** @param retryAfter how long the caller should wait before asking again (a {@code Retry-After}); null for none */
    public RestRejection(int status, String error, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String detail() {
        return getMessage();
    }

    /** The wait to answer as {@code Retry-After}, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

package io.cancelgateway.call;

/**
 * An attempt that may succeed if made again: no answer (connect failure, timeout), a server error or throttling. The
 * provider route's redelivery policy retries on it; its message names no secret, since the error handler may log it.
 */
public final class RetryableAttempt extends Exception {

    private static final long serialVersionUID = 1L;

    public RetryableAttempt(String message) {
        // Thrown for every failed attempt and never looked at for its stack.
        super(message, null, false, false);
    }
}

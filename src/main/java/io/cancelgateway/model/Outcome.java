package io.cancelgateway.model;

/** The canonical outcome of one cancel request, whatever the provider said. */
public enum Outcome {
    CANCELLED,
    ALREADY_CANCELLED,
    PENDING,
    REJECTED,
    NOT_FOUND,
    INVALID,
    AUTH_FAILED,
    ERROR;

    /** Outcomes a caller may try again later without changing anything. */
    public boolean retryable() {
        return this == ERROR;
    }
}

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

    /** Outcomes that a repeat of the request attempts again, instead of being answered from the journal. */
    public boolean attemptedAgain() {
        return this == ERROR || this == AUTH_FAILED;
    }
}

package io.cancelgateway.model;

/** Whether the gateway follows a result at the provider until its outcome is final (status sync). */
public enum SyncState {
    /** The outcome is not final (PENDING, ERROR, AUTH_FAILED) and the gateway does not follow it. */
    NOT_FOLLOWED,
    /** The gateway checks the target's status at the provider until the outcome is final or the deadline passes. */
    FOLLOWING,
    /** The outcome is final: decided by the first answer or by a status check. */
    FINAL,
    /** Followed until cancel.sync.deadline without a final answer; the outcome stays as it was. */
    EXPIRED
}

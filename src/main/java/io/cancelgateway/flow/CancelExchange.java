package io.cancelgateway.flow;

/** Names of the exchange properties the cancel flow carries between its steps (also used in the YAML routes). */
public final class CancelExchange {

    /** The {@link io.cancelgateway.client.Client} the request came from; set by each ingest route. */
    public static final String CLIENT = "CancelClient";
    /** The id of the channel the request came in on ({@code rest}, {@code file}, {@code jms}); set by each ingest route. */
    public static final String CHANNEL = "CancelChannel";
    /** System.nanoTime() when the request was accepted. */
    public static final String STARTED_NANOS = "CancelStartedNanos";
    /** The request as accepted, before routing: what a failed run's ERROR result is about. */
    public static final String REQUEST = "CancelRequest";
    /** The router's decision for the request, made once, when the request is authorized. */
    public static final String ROUTING = "CancelRouting";
    /** The provider id the router chose. */
    public static final String PROVIDER = "CancelProvider";
    /** The result once known; the flow skips the provider call when validation or routing already decided it. */
    public static final String RESULT = "CancelResult";

    /** The journal claim token of the run processing the request; absent when the request is not journaled. */
    public static final String CLAIM = "CancelClaim";
    /**
     * True when a run of the request before this one may have reached the provider without learning what it did, as
     * the journal's claim says; the run's call starts from it.
     */
    public static final String AFTER_LOST_ANSWER = "CancelAfterLostAnswer";
    /** True when another run took the request over before this one stored its result, which was not stored. */
    public static final String TAKEN_OVER = "CancelTakenOver";
    /** The HTTP calls made for the request (masked), stored with its result. */
    public static final String ATTEMPTS = "CancelAttempts";
    /** True when the provider's last call of this run got no answer in time (REST answers 504 for its ERROR). */
    public static final String TIMED_OUT = "CancelTimedOut";
    /** True when the request's id is an earlier, different request's: answered INVALID, never journaled. */
    public static final String KEY_REUSED = "CancelKeyReused";
    /**
     * True when the client may not cancel for the request's merchant or at its provider: answered INVALID on JMS and
     * file, 403 on REST, never journaled.
     */
    public static final String FORBIDDEN = "CancelForbidden";
    /**
     * True when the request's message may have run before: a JMS message the broker redelivers, or one keyed by its own
     * message id (which only that message has). A stored result, an ERROR too, is then replayed, never attempted again
     * as it would be for a new request with the same id.
     */
    public static final String REDELIVERY = "CancelRedelivery";
    /** True when the result is the stored result of an earlier request with the same id. */
    public static final String REPLAYED = "CancelReplayed";
    /**
     * True when the provider can follow the result until it is final: it has a status API that the request gives
     * enough to call, and the outcome may still change (PENDING, or an ERROR or a REJECTED after a timeout or a 5xx).
     */
    public static final String FOLLOWABLE = "CancelFollowable";
    /** Where a JMS request's answer went ({@link io.cancelgateway.journal.ReplyAddress}), for later updates. */
    public static final String REPLY_ADDRESS = "CancelReplyAddress";
    /** {@code status} on a status check's exchange: the provider routes call the status API instead of cancelling. */
    public static final String CALL_KIND = "CancelCallKind";

    private CancelExchange() {
    }
}

package io.cancelgateway.provider;

/**
 * One provider's status API, through which a cancel whose outcome is not final (PENDING, or an ERROR that may have
 * reached the provider) is followed until it is. Implemented next to the provider's {@link ProviderApi}; calls are
 * authenticated and signed exactly like its cancel calls.
 */
public interface ProviderStatusApi {

    /**
     * Whether the target can be followed: the status call needs nothing the request did not give (a Juspay payout
     * fulfillment is read through its order, the request's {@code parent_reference}).
     */
    boolean canFollow(CancelTarget target);

    /** The status call for a target that {@link #canFollow(CancelTarget) can be followed}, without credentials. */
    ProviderRequest statusRequest(CancelTarget target);

    /**
     * What one status answer says about the target. Pure: never throws, whatever the body holds.
     * <ul>
     * <li>{@code CANCELLED}: the target is cancelled ({@code cancelledAt} when the provider states when);</li>
     * <li>{@code REJECTED}: the target ended otherwise (paid, paid out, succeeded, failed, expired): the cancel did
     * not happen;</li>
     * <li>{@code NOT_FOUND}: the provider does not know the target;</li>
     * <li>{@code PENDING}: still open or in progress, worth checking again;</li>
     * <li>{@code AUTH_FAILED}, {@code INVALID} or {@code ERROR}: the check itself failed and says nothing about the
     * target.</li>
     * </ul>
     */
    ProviderVerdict translateStatus(CancelTarget target, int httpStatus, String body);
}

package io.cancelgateway.journal;

import java.time.Instant;

import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Channel;
import io.cancelgateway.model.SyncState;

/**
 * A followed result this instance holds the lease of: its status is due to be checked, or, when a check already
 * changed it, its caller is due to hear of the change.
 *
 * @param key the journal's key of the request
 * @param client the client that sent the request
 * @param provider the provider the result is followed at
 * @param lease the token of this instance's lease; the journal takes writes about the result only with it
 * @param request the request as journaled
 * @param result the result as it stands
 * @param followUntil when following ends
 * @param replyTo where the answer of a JMS request went; null otherwise
 */
public record DueCheck(String key, String client, String provider, String lease, Channel channel, CancelRequest request,
        CancelResult result, Instant followUntil, ReplyAddress replyTo) {

    /** The request's id, as its client knows it. */
    public String requestId() {
        return request.requestId();
    }

    /** Whether only telling the caller is left: a check changed the result but its caller has not heard yet. */
    public boolean announceOnly() {
        return result.syncState() != SyncState.FOLLOWING;
    }
}

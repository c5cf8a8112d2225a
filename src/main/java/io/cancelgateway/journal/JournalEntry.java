package io.cancelgateway.journal;

import java.time.Instant;

import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Channel;

/**
 * One request as the journal holds it.
 *
 * @param result null while the request is in progress
 */
public record JournalEntry(String requestId, Channel channel, CancelRequest request, boolean inProgress,
        Instant receivedAt, CancelResult result) {
}

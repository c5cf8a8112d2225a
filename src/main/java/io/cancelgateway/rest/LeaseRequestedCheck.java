package io.cancelgateway.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.flow.RequestClient;
import io.cancelgateway.journal.CancelJournal;
import io.cancelgateway.journal.DueCheck;
import io.cancelgateway.journal.JournalEntry;
import io.cancelgateway.model.SyncState;
import io.cancelgateway.sync.SyncConfig;

/**
 * {@code POST /api/v1/cancellations/{request_id}/sync}: leases the request's result for a status check now, whenever
 * its next check is due; the body becomes that one check. A result that is not followed is a conflict (409
 * {@code not_followed}), and so is one whose check another run is making (409 {@code sync_in_progress}); one checked
 * less than {@code cancel.sync.asked-min-interval} ago is answered 429 {@code sync_too_soon} with {@code Retry-After}.
 */
@ApplicationScoped
@Named("leaseRequestedCheck")
public class LeaseRequestedCheck implements Processor {

    private final CancelJournal journal;
    private final SyncConfig config;

    public LeaseRequestedCheck(CancelJournal journal, SyncConfig config) {
        this.journal = journal;
        this.config = config;
    }

    @Override
    public void process(Exchange exchange) {
        JournalEntry entry = StoredRequests.find(journal, exchange);
        if (entry.inProgress()) {
            throw new RestRejection(409, "in_progress", "request " + entry.requestId() + " is still being processed");
        }
        SyncState state = entry.result().syncState();
        if (state != SyncState.FOLLOWING) {
            throw new RestRejection(409, "not_followed", "the result of " + entry.requestId()
                    + " is not followed at the provider: its sync_state is " + (state == null ? "none" : state));
        }
        exchange.getMessage().setBody(List.of(leaseUnlessCheckedRecently(RequestClient.of(exchange).name(),
                entry.requestId())));
    }

    /**
     * Leases the result for a check now. Looked at before the lease, so that a caller asking in a loop costs a read,
     * not two writes; and again under it, since a poll's check may have ended in between.
     */
    DueCheck leaseUnlessCheckedRecently(String client, String requestId) {
        refuseWhenCheckedRecently(client, requestId);
        DueCheck leased = journal.leaseNow(client, requestId, config.lease())
                .orElseThrow(() -> new RestRejection(409, "sync_in_progress", "the status of " + requestId
                        + " is being checked right now; read the result again shortly"));
        try {
            refuseWhenCheckedRecently(client, requestId);
        } catch (RestRejection tooSoon) {
            journal.release(leased);
            throw tooSoon;
        }
        return leased;
    }

    private void refuseWhenCheckedRecently(String client, String requestId) {
        Duration wait = waitBeforeAskedCheck(journal.lastStatusCheckEnd(client, requestId), Instant.now(),
                config.askedMinInterval());
        if (!wait.isZero()) {
            throw new RestRejection(429, "sync_too_soon", "the status of " + requestId + " was checked less than "
                    + config.askedMinInterval().toSeconds() + " s ago; ask again in " + RestReply.seconds(wait) + " s",
                    wait);
        }
    }

    /**
     * How long a check asked for now must wait: until {@code minInterval} after the last status check ended, answered
     * or not (each was a call to the provider's status API, and a slow one is the one to spare); zero when none ended
     * that recently. Never more than {@code minInterval}, whatever clock wrote the last check.
     */
    static Duration waitBeforeAskedCheck(Optional<Instant> lastCheckEnd, Instant now, Duration minInterval) {
        if (lastCheckEnd.isEmpty()) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, lastCheckEnd.get().plus(minInterval));
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        return left.compareTo(minInterval) > 0 ? minInterval : left;
    }
}

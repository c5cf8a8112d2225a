package io.cancelgateway.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.flow.RequestClient;
import io.cancelgateway.journal.CancelJournal;
import io.cancelgateway.journal.JournalEntry;
import io.cancelgateway.model.SyncState;
import io.cancelgateway.sync.SyncConfig;

/**
 * {@code POST /api/v1/cancellations/{request_id}/sync}: leases the request's result for a status check now, whenever
 * its next check is due; the body becomes that one check. A result that is not followed is a conflict (409
 * {@code not_followed}), and so is one whose check another run is making (409 {@code sync_in_progress}).
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
        exchange.getMessage().setBody(List.of(journal.leaseNow(RequestClient.of(exchange).name(), entry.requestId(),
                config.lease())
                .orElseThrow(() -> new RestRejection(409, "sync_in_progress", "the status of " + entry.requestId()
                        + " is being checked right now; read the result again shortly"))));
    }
}

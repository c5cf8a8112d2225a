package io.cancelgateway.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.flow.CancelExchange;
import io.cancelgateway.journal.CancelJournal;
import io.cancelgateway.journal.JournalEntry;
import io.cancelgateway.journal.RequestInProgress;

/**
 * {@code POST /api/v1/cancellations/{request_id}/retry}: puts the stored request back into the cancel flow, on its
 * original channel, when its result is ERROR or AUTH_FAILED.
 */
@ApplicationScoped
@Named("loadRetriedRequest")
public class LoadRetriedRequest implements Processor {

    private final CancelJournal journal;

    public LoadRetriedRequest(CancelJournal journal) {
        this.journal = journal;
    }

    @Override
    public void process(Exchange exchange) {
        JournalEntry entry = StoredRequests.find(journal, exchange);
        if (entry.inProgress()) {
            throw new RequestInProgress(entry.requestId());
        }
        if (entry.result().isFinal()) {
            throw new StoredResultConflict(entry.result());
        }
        exchange.getMessage().setBody(entry.request());
        exchange.setProperty(CancelExchange.CHANNEL, entry.channel().id());
    }
}

package io.cancelgateway.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.flow.CancelExchange;
import io.cancelgateway.journal.CancelJournal;
import io.cancelgateway.journal.JournalEntry;

/**
 * {@code POST /api/v1/cancellations/{request_id}/retry}: puts the stored request back into the cancel flow, on its
 * original channel, when its result is ERROR or AUTH_FAILED, or when it is still in progress: the flow's claim then
 * treats it as a duplicate, waiting for the run and answering its result, and taking over a run cut short (a crash, a
 * result the journal could not store) once its claim is older than {@code cancel.idempotency.stale-after}.
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
        if (!entry.inProgress() && entry.result().isFinal()) {
            throw new StoredResultConflict(entry.result());
        }
        exchange.getMessage().setBody(entry.request());
        exchange.setProperty(CancelExchange.CHANNEL, entry.channel().id());
    }
}

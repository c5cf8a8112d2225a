package io.cancelgateway.rest;

import org.apache.camel.Exchange;

import io.cancelgateway.journal.CancelJournal;
import io.cancelgateway.journal.JournalEntry;

/** Finds the journal entry a REST path names, or answers 404. */
final class StoredRequests {

    private StoredRequests() {
    }

    static JournalEntry find(CancelJournal journal, Exchange exchange) {
        String requestId = exchange.getMessage().getHeader("request_id", String.class);
        return journal.find(requestId).orElseThrow(() -> new RestRejection(404, "not_found",
                "no request with request_id " + requestId));
    }
}

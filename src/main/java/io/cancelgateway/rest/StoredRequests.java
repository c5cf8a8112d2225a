package io.cancelgateway.rest;

import org.apache.camel.Exchange;

import io.cancelgateway.flow.CancelRequestValidator;
import io.cancelgateway.flow.RequestClient;
import io.cancelgateway.journal.CancelJournal;
import io.cancelgateway.journal.JournalEntry;

/** Finds the journal entry a REST path names, or answers 404. */
final class StoredRequests {

    private StoredRequests() {
    }

    static JournalEntry find(CancelJournal journal, Exchange exchange) {
        String requestId = InboundHttp.requestIdInPath(exchange);
        if (!CancelRequestValidator.usableRequestId(requestId)) {
            throw new RestRejection(404, "not_found", "no request has that request_id: request ids are 1 to 128 "
                    + "letters, digits, '.', '_', ':' or '-'");
        }
        // Another client's request with this id is not this caller's to see: not found, as if it did not exist.
        return journal.find(RequestClient.of(exchange).name(), requestId).orElseThrow(() -> new RestRejection(404,
                "not_found", "no request with request_id " + requestId));
    }
}

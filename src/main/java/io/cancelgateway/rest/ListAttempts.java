package io.cancelgateway.rest;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cancelgateway.flow.RequestClient;
import io.cancelgateway.journal.CancelJournal;
import io.cancelgateway.journal.JournalEntry;

/** {@code GET /api/v1/cancellations/{request_id}/attempts}: every HTTP call made for the request, oldest first. */
@ApplicationScoped
@Named("listAttempts")
public class ListAttempts implements Processor {

    private final CancelJournal journal;
    private final ObjectMapper json;

    public ListAttempts(CancelJournal journal, ObjectMapper json) {
        this.journal = journal;
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        JournalEntry entry = StoredRequests.find(journal, exchange);
        RestReply.json(exchange, 200, json.writeValueAsBytes(Map.of("request_id", entry.requestId(),
                "items", journal.attempts(RequestClient.of(exchange).name(), entry.requestId()))));
    }
}

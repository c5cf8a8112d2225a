package io.cancelgateway.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cancelgateway.journal.CancelJournal;
import io.cancelgateway.journal.JournalEntry;

/**
 * {@code GET /api/v1/cancellations/{request_id}}: the stored result (200), or 202 with the request's state while it is
 * still being processed, or 404.
 */
@ApplicationScoped
@Named("findCancellation")
public class FindCancellation implements Processor {

    private final CancelJournal journal;
    private final ObjectMapper json;

    public FindCancellation(CancelJournal journal, ObjectMapper json) {
        this.journal = journal;
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        JournalEntry entry = StoredRequests.find(journal, exchange);
        if (entry.inProgress()) {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("request_id", entry.requestId());
            state.put("state", "IN_PROGRESS");
            state.put("channel", entry.channel().id());
            state.put("received_at", entry.receivedAt().toString());
            RestReply.json(exchange, 202, json.writeValueAsBytes(state));
            return;
        }
        RestReply.json(exchange, 200, json.writeValueAsBytes(entry.result()));
    }
}

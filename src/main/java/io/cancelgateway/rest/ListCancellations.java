package io.cancelgateway.rest;

import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cancelgateway.flow.RequestClient;
import io.cancelgateway.journal.CancelJournal;
import io.cancelgateway.journal.JournalQuery;
import io.cancelgateway.model.Channel;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.model.SyncState;

/** {@code GET /api/v1/cancellations}: stored results, newest first, {@code {"items": [...], "next": cursor}}. */
@ApplicationScoped
@Named("listCancellations")
public class ListCancellations implements Processor {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final CancelJournal journal;
    private final ObjectMapper json;

    public ListCancellations(CancelJournal journal, ObjectMapper json) {
        this.journal = journal;
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        QueryParameters query = QueryParameters.of(exchange);
        JournalQuery filter = new JournalQuery(RequestClient.of(exchange).name(), query.text("provider"),
                query.text("merchant_id"), query.text("reference"), outcome(query.text("outcome")),
                channel(query.text("channel")), syncState(query.text("sync_state")), query.instant("since"),
                query.instant("until"),
                query.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT), query.text("cursor"));
        try {
            RestReply.json(exchange, 200, json.writeValueAsBytes(journal.list(filter)));
        } catch (IllegalArgumentException badCursor) {
            throw new RestRejection(400, "bad_parameter", badCursor.getMessage());
        }
    }

    private static String outcome(String value) {
        if (value != null && Arrays.stream(Outcome.values()).noneMatch(o -> o.name().equals(value))) {
            throw new RestRejection(400, "bad_parameter", "outcome must be one of "
                    + Arrays.toString(Outcome.values()) + ", was " + value);
        }
        return value;
    }

    private static String syncState(String value) {
        if (value != null && Arrays.stream(SyncState.values()).noneMatch(s -> s.name().equals(value))) {
            throw new RestRejection(400, "bad_parameter", "sync_state must be one of "
                    + Arrays.toString(SyncState.values()) + ", was " + value);
        }
        return value;
    }

    private static String channel(String value) {
        if (value != null) {
            try {
                Channel.byId(value);
            } catch (IllegalArgumentException unknown) {
                throw new RestRejection(400, "bad_parameter", "channel must be rest, file or jms, was " + value);
            }
        }
        return value;
    }
}

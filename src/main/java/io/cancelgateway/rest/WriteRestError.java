package io.cancelgateway.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cancelgateway.flow.CancelExchange;
import io.cancelgateway.journal.JournalUnavailable;
import io.cancelgateway.journal.RequestInProgress;

/**
 * Answers a refused or failed REST call with a JSON error. Unexpected failures are logged with their stack trace here
 * and answered with a generic 500, never with the trace.
 */
@ApplicationScoped
@Named("writeRestError")
public class WriteRestError implements Processor {

    private static final Logger LOG = Logger.getLogger(WriteRestError.class);

    private final ObjectMapper json;

    public WriteRestError(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure instanceof StoredResultConflict conflict) {
            RestReply.json(exchange, 409, json.writeValueAsBytes(conflict.stored().asReplay()));
            return;
        }
        if (failure instanceof RequestInProgress inProgress) {
            RestReply.json(exchange, 409, json.writeValueAsBytes(new ErrorBody("in_progress", inProgress.getMessage())));
            return;
        }
        if (failure instanceof JournalUnavailable unavailable) {
            LOG.errorf(unavailable, "REST cancel could not use the journal (exchange %s)", exchange.getExchangeId());
            // The journal can fail after the provider answered (recording the result): "nothing was sent" is then wrong.
            boolean called = !exchange.getProperty(CancelExchange.ATTEMPTS, List.of(), List.class).isEmpty();
            RestReply.json(exchange, 503, json.writeValueAsBytes(new ErrorBody("journal_unavailable", called
                    ? "the service could not record the provider's answer; the provider may have acted on the request, "
                            + "ask again later"
                    : "the service cannot record requests right now; nothing was sent to a provider, try again later")));
            return;
        }
        if (failure instanceof RestRejection rejection) {
            RestReply.json(exchange, rejection.status(),
                    json.writeValueAsBytes(new ErrorBody(rejection.error(), rejection.detail())), rejection.retryAfter());
            return;
        }
        LOG.errorf(failure, "REST cancel failed unexpectedly (exchange %s)", exchange.getExchangeId());
        RestReply.json(exchange, 500, json.writeValueAsBytes(new ErrorBody("internal_error",
                "the request could not be processed; the service log has the details under exchange "
                        + exchange.getExchangeId())));
    }
}

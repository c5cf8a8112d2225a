package io.cancelgateway.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cancelgateway.flow.CancelExchange;
import io.cancelgateway.model.CancelResult;

/** Answers the REST call with the cancel result as JSON and the status its outcome calls for. */
@ApplicationScoped
@Named("writeCancelResult")
public class WriteCancelResult implements Processor {

    private final ObjectMapper json;

    public WriteCancelResult(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        CancelResult result = exchange.getMessage().getMandatoryBody(CancelResult.class);
        if (exchange.getProperty(CancelExchange.KEY_REUSED, false, Boolean.class)) {
            RestReply.json(exchange, 422, json.writeValueAsBytes(new ErrorBody("idempotency_key_reused",
                    result.error())));
            return;
        }
        if (exchange.getProperty(CancelExchange.FORBIDDEN, false, Boolean.class)) {
            RestReply.json(exchange, 403, json.writeValueAsBytes(new ErrorBody("forbidden", result.error())));
            return;
        }
        boolean timedOut = exchange.getProperty(CancelExchange.TIMED_OUT, false, Boolean.class);
        RestReply.json(exchange, RestStatus.of(result, timedOut), json.writeValueAsBytes(result));
    }
}

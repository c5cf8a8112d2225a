package io.cancelgateway.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

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
        if (failure instanceof RestRejection rejection) {
            RestReply.json(exchange, rejection.status(),
                    json.writeValueAsBytes(new ErrorBody(rejection.error(), rejection.detail())));
            return;
        }
        LOG.errorf(failure, "REST cancel failed unexpectedly (exchange %s)", exchange.getExchangeId());
        RestReply.json(exchange, 500, json.writeValueAsBytes(new ErrorBody("internal_error",
                "the request could not be processed; the service log has the details under exchange "
                        + exchange.getExchangeId())));
    }
}

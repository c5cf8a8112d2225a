package io.cancelgateway.jms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.jms.Destination;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsConstants;
import org.apache.camel.support.DefaultMessage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Outcome;

/**
 * Makes the result message: the JSON {@link CancelResult} with the answer's JMSCorrelationID and the string properties
 * {@code request_id}, {@code provider} and {@code outcome} for selectors, addressed to the request's JMSReplyTo when it
 * has one (else the route's result queue). Nothing of the request's headers is carried over. An INVALID result notes
 * its reason, so that the request's original is copied to the invalid queue.
 */
@ApplicationScoped
@Named("writeJmsResult")
public class WriteJmsResult implements Processor {

    static final String REQUEST_ID = "request_id";
    static final String PROVIDER = "provider";
    static final String OUTCOME = "outcome";

    private final ObjectMapper json;

    public WriteJmsResult(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        CancelResult result = exchange.getMessage().getMandatoryBody(CancelResult.class);
        Message answer = resultMessage(exchange, json, result,
                exchange.getProperty(JmsExchange.CORRELATION_ID, String.class));
        Destination replyTo = exchange.getProperty(JmsExchange.REPLY_TO, Destination.class);
        if (replyTo != null) {
            answer.setHeader(JmsConstants.JMS_DESTINATION, replyTo);
        }
        exchange.setMessage(answer);
        if (result.outcome() == Outcome.INVALID) {
            exchange.setProperty(JmsExchange.INVALID_REASON, invalidReason(result));
        }
    }

    /** A result message: the JSON result, its correlation id and the selector properties. */
    static Message resultMessage(Exchange exchange, ObjectMapper json, CancelResult result, String correlationId)
            throws JsonProcessingException {
        Message answer = new DefaultMessage(exchange);
        answer.setBody(json.writeValueAsString(result));
        answer.setHeader("JMSCorrelationID", correlationId);
        answer.setHeader(REQUEST_ID, result.requestId());
        if (result.provider() != null) {
            answer.setHeader(PROVIDER, result.provider());
        }
        answer.setHeader(OUTCOME, result.outcome().name());
        return answer;
    }

    private static String invalidReason(CancelResult result) {
        if (result.error() != null) {
            return result.error();
        }
        return "the provider refused the request as invalid: "
                + (result.providerMessage() != null ? result.providerMessage() : "HTTP " + result.httpStatus());
    }
}

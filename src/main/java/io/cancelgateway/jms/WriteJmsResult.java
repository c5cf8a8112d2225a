package io.cancelgateway.jms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.jms.Destination;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsConstants;
import org.apache.camel.support.DefaultMessage;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cancelgateway.client.Client;
import io.cancelgateway.flow.CancelExchange;
import io.cancelgateway.flow.CancelRequestValidator;
import io.cancelgateway.flow.LogValue;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.Provider;

/**
 * Makes the result message: the JSON {@link CancelResult} with the answer's JMSCorrelationID and the string properties
 * {@code request_id}, {@code provider} and {@code outcome} for selectors, addressed to the request's JMSReplyTo when its
 * client may read there (else the route's result queue, see {@link ReplyPermission}). Nothing of the request's headers
 * is carried over. An answer a client's ERP cannot read, on the result queue because its JMSReplyTo was refused or
 * missing, is logged as a WARN for operators. An INVALID result notes its reason, so that the request's original is
 * copied to the invalid queue.
 */
@ApplicationScoped
@Named("writeJmsResult")
public class WriteJmsResult implements Processor {

    static final String REQUEST_ID = "request_id";
    static final String PROVIDER = "provider";
    static final String OUTCOME = "outcome";

    private static final Logger LOG = Logger.getLogger("io.cancelgateway.jms");

    private final ObjectMapper json;
    private final String resultQueue;

    public WriteJmsResult(ObjectMapper json, JmsChannelConfig config) {
        this.json = json;
        this.resultQueue = config.resultQueue();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        CancelResult result = exchange.getMessage().getMandatoryBody(CancelResult.class);
        Message answer = resultMessage(exchange, json, result,
                exchange.getProperty(JmsExchange.CORRELATION_ID, String.class));
        Destination replyTo = exchange.getProperty(JmsExchange.REPLY_TO, Destination.class);
        if (replyTo != null) {
            answer.setHeader(JmsConstants.JMS_DESTINATION, replyTo);
        } else {
            warnIfUnread(exchange, result);
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
        // An invalid request's id or provider may be anything up to the body's size: a property that large fails the
        // send (Artemis refuses a head over its large-message size), so only a usable id and a known provider go.
        if (CancelRequestValidator.usableRequestId(result.requestId())) {
            answer.setHeader(REQUEST_ID, result.requestId());
        }
        if (result.provider() != null && Provider.byId(result.provider()).isPresent()) {
            answer.setHeader(PROVIDER, result.provider());
        }
        answer.setHeader(OUTCOME, result.outcome().name());
        return answer;
    }

    /**
     * An answer on the result queue, where its client's ERP may not read, or where the single tenant did not ask for
     * it: operators see it.
     */
    private void warnIfUnread(Exchange exchange, CancelResult result) {
        Client client = exchange.getProperty(CancelExchange.CLIENT, Client.class);
        if (client == null) {
            return;
        }
        String refused = exchange.getProperty(JmsExchange.REFUSED_REPLY_TO, String.class);
        if (client.isSingleTenant()) {
            if (refused != null) {
                LOG.warnf("jms answer request_id=%s client=%s sent to %s: its JMSReplyTo %s could reach the request "
                        + "queue or a client's queues", LogValue.of(result.requestId()), client.name(), resultQueue,
                        LogValue.of(refused));
            }
            return;
        }
        if (refused != null) {
            LOG.warnf("jms answer request_id=%s client=%s sent to %s: its JMSReplyTo %s is outside the client's reply "
                    + "prefix %s", LogValue.of(result.requestId()), client.name(), resultQueue, LogValue.of(refused),
                    client.replyPrefix());
        } else {
            LOG.warnf("jms answer request_id=%s client=%s sent to %s: the request named no JMSReplyTo, and the "
                    + "client's broker user reads under %s only", LogValue.of(result.requestId()), client.name(),
                    resultQueue, client.replyPrefix());
        }
    }

    private static String invalidReason(CancelResult result) {
        if (result.error() != null) {
            return result.error();
        }
        return "the provider refused the request as invalid: "
                + (result.providerMessage() != null ? result.providerMessage() : "HTTP " + result.httpStatus());
    }
}

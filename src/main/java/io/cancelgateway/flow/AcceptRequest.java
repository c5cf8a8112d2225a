package io.cancelgateway.flow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultMessage;

import io.cancelgateway.model.CancelRequest;

/**
 * Gives the request its id (a new time-ordered UUID when the caller sent none), leaves the channel's message behind and
 * starts the request's clock.
 */
@ApplicationScoped
@Named("acceptRequest")
public class AcceptRequest implements Processor {

    private final TimeOrderedRequestId requestIds = TimeOrderedRequestId.systemClock();

    @Override
    public void process(Exchange exchange) throws Exception {
        CancelRequest request = exchange.getMessage().getMandatoryBody(CancelRequest.class);
        // From here the flow carries the canonical request alone: nothing of the inbound message (HTTP headers, JMS
        // properties read lazily from the broker's message) travels with it or is copied at every step.
        CancelRequest accepted = request.requestId() == null ? request.withRequestId(requestIds.next()) : request;
        Message canonical = new DefaultMessage(exchange);
        canonical.setBody(accepted);
        exchange.setMessage(canonical);
        exchange.setProperty(CancelExchange.REQUEST, accepted);
        if (exchange.getProperty(CancelExchange.STARTED_NANOS) == null) {
            exchange.setProperty(CancelExchange.STARTED_NANOS, System.nanoTime());
        }
    }
}

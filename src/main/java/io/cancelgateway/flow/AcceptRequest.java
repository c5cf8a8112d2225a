package io.cancelgateway.flow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.model.CancelRequest;

/** Gives the request its id (a new time-ordered UUID when the caller sent none) and starts its clock. */
@ApplicationScoped
@Named("acceptRequest")
public class AcceptRequest implements Processor {

    private final TimeOrderedRequestId requestIds = TimeOrderedRequestId.systemClock();

    @Override
    public void process(Exchange exchange) throws Exception {
        CancelRequest request = exchange.getMessage().getMandatoryBody(CancelRequest.class);
        if (request.requestId() == null) {
            exchange.getMessage().setBody(request.withRequestId(requestIds.next()));
        }
        if (exchange.getProperty(CancelExchange.STARTED_NANOS) == null) {
            exchange.setProperty(CancelExchange.STARTED_NANOS, System.nanoTime());
        }
    }
}

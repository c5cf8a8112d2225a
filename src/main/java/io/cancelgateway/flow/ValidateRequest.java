package io.cancelgateway.flow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Outcome;

/** Decides INVALID, without any provider call, for a request that fails the gateway's own checks. */
@ApplicationScoped
@Named("validateRequest")
public class ValidateRequest implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        if (exchange.getProperty(CancelExchange.RESULT) != null) {
            return; // decided INVALID by the channel already, naming what it read the value from
        }
        CancelRequest request = exchange.getMessage().getMandatoryBody(CancelRequest.class);
        CancelRequestValidator.problem(request).ifPresent(problem -> exchange.setProperty(CancelExchange.RESULT,
                CancelResult.withoutCall(request, Outcome.INVALID, problem)));
    }
}

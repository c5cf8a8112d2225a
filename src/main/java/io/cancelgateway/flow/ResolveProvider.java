package io.cancelgateway.flow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.routing.ProviderRoutingRules.RoutingDecision;

/**
 * Names the provider for the content-based router, or decides INVALID when no provider applies, from the routing
 * decision made when the request was authorized: the rules run once per request.
 */
@ApplicationScoped
@Named("resolveProvider")
public class ResolveProvider implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        if (exchange.getProperty(CancelExchange.RESULT) != null) {
            return;
        }
        CancelRequest request = exchange.getMessage().getMandatoryBody(CancelRequest.class);
        RoutingDecision decision = exchange.getProperty(CancelExchange.ROUTING, RoutingDecision.class);
        if (decision.provider() == null) {
            exchange.setProperty(CancelExchange.RESULT,
                    CancelResult.withoutCall(request, Outcome.INVALID, decision.error()));
            return;
        }
        exchange.getMessage().setBody(request.withProvider(decision.provider().id()));
        exchange.setProperty(CancelExchange.PROVIDER, decision.provider().id());
    }
}

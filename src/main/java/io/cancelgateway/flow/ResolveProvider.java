package io.cancelgateway.flow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.routing.ProviderRoutingRules;
import io.cancelgateway.routing.ProviderRoutingRules.RoutingDecision;
import io.quarkus.runtime.Startup;

/** Names the provider for the content-based router, or decides INVALID when no provider applies. */
@Startup
@ApplicationScoped
@Named("resolveProvider")
public class ResolveProvider implements Processor {

    private final ProviderRoutingRules rules;

    public ResolveProvider(ProviderRoutingRules rules) {
        this.rules = rules;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        if (exchange.getProperty(CancelExchange.RESULT) != null) {
            return;
        }
        CancelRequest request = exchange.getMessage().getMandatoryBody(CancelRequest.class);
        RoutingDecision decision = rules.route(request);
        if (decision.provider() == null) {
            exchange.setProperty(CancelExchange.RESULT,
                    CancelResult.withoutCall(request, Outcome.INVALID, decision.error()));
            return;
        }
        exchange.getMessage().setBody(request.withProvider(decision.provider().id()));
        exchange.setProperty(CancelExchange.PROVIDER, decision.provider().id());
    }
}

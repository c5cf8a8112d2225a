package io.cancelgateway.flow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.call.ConfiguredProviders;
import io.cancelgateway.client.Client;
import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.Provider;
import io.cancelgateway.routing.ProviderRoutingRules;
import io.cancelgateway.routing.ProviderRoutingRules.RoutingDecision;
import io.quarkus.runtime.Startup;

/**
 * Lets a request through only for a merchant and a provider its client may cancel for: the request's merchant, else
 * the provider's default merchant, and the provider the router would choose. A request outside them is decided
 * without a call and without a claim: nothing of it is journaled, so it can neither replay nor block another client's
 * request.
 */
@Startup // so that routing rules that do not compile stop the service at its start
@ApplicationScoped
@Named("authorizeRequest")
public class AuthorizeRequest implements Processor {

    private final ProviderRoutingRules rules;
    private final ConfiguredProviders providers;

    public AuthorizeRequest(ProviderRoutingRules rules, ConfiguredProviders providers) {
        this.rules = rules;
        this.providers = providers;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        if (exchange.getProperty(CancelExchange.RESULT) != null) {
            return;
        }
        Client client = RequestClient.of(exchange);
        CancelRequest request = exchange.getMessage().getMandatoryBody(CancelRequest.class);
        RoutingDecision routing = rules.route(request);
        exchange.setProperty(CancelExchange.ROUTING, routing);
        Provider provider = routing.provider();
        if (provider != null && !client.mayCancelAt(provider.id())) {
            forbid(exchange, request, "client " + client.name() + " may not cancel at " + provider.id());
            return;
        }
        String merchantId = provider == null ? request.merchantId()
                : providers.settings(provider).merchantFor(request.merchantId());
        if (!client.mayCancelFor(merchantId)) {
            forbid(exchange, request, merchantId == null
                    ? "client " + client.name() + " cancels for its own merchants only: name one in merchant_id"
                    : "client " + client.name() + " may not cancel for merchant " + merchantId);
        }
    }

    private static void forbid(Exchange exchange, CancelRequest request, String why) {
        exchange.setProperty(CancelExchange.FORBIDDEN, true);
        exchange.setProperty(CancelExchange.RESULT,
                CancelResult.withoutCall(request, Outcome.INVALID, "forbidden: " + why));
    }
}

package io.cancelgateway.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Adds the provider's authentication headers for the merchant's credentials. */
@ApplicationScoped
@Named("authenticateCall")
public class AuthenticateCall implements Processor {

    private final ConfiguredProviders providers;

    public AuthenticateCall(ConfiguredProviders providers) {
        this.providers = providers;
    }

    @Override
    public void process(Exchange exchange) {
        CancelCall call = CancelCall.of(exchange);
        providers.api(call.provider()).authHeaders(call.credentials()).forEach(exchange.getMessage()::setHeader);
    }
}

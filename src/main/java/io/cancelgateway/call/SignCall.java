package io.cancelgateway.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.provider.ProviderRequest;

/**
 * Adds the provider's signature headers, computed for this attempt (KwikPaisa: HMAC-SHA256 of the body and a fresh
 * timestamp); providers that do not sign get none. Marks the start of the attempt, which the call follows at once.
 */
@ApplicationScoped
@Named("signCall")
public class SignCall implements Processor {

    private final ConfiguredProviders providers;

    public SignCall(ConfiguredProviders providers) {
        this.providers = providers;
    }

    @Override
    public void process(Exchange exchange) {
        CancelCall call = CancelCall.of(exchange);
        ProviderRequest request = exchange.getProperty(BuildRequest.REQUEST, ProviderRequest.class);
        Map<String, String> signature = providers.api(call.provider()).signatureHeaders(request, call.credentials());
        signature.forEach(exchange.getMessage()::setHeader);
        call.signed(signature.values());
        call.attemptStarting();
    }
}

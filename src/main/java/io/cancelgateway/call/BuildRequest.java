package io.cancelgateway.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.http.HttpMethods;

import io.cancelgateway.provider.CallKind;
import io.cancelgateway.provider.ProviderApi;
import io.cancelgateway.provider.ProviderRequest;

/**
 * Puts the provider's call for this attempt (the cancel, or the status check) on the message, for the HTTP endpoint: method, path below the base
 * URL, the call's own headers and its body. The message carries nothing else: the route cleared it before.
 */
@ApplicationScoped
@Named("buildRequest")
public class BuildRequest implements Processor {

    /** The request as built, for the signing step. */
    static final String REQUEST = "CancelProviderRequest";

    private final ConfiguredProviders providers;

    public BuildRequest(ConfiguredProviders providers) {
        this.providers = providers;
    }

    @Override
    public void process(Exchange exchange) {
        CancelCall call = CancelCall.of(exchange);
        ProviderApi api = providers.api(call.provider());
        ProviderRequest request = call.kind() == CallKind.STATUS
                ? api.statusApi().orElseThrow().statusRequest(call.target())
                : api.cancelRequest(call.target());
        Message message = exchange.getMessage();
        // As camel-http's own type: given the name, it looked the String-to-enum converter up in Camel's registry at
        // every call, a scan of all converters (README, speed changes).
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.valueOf(request.method()));
        message.setHeader(Exchange.HTTP_PATH, request.path());
        request.headers().forEach(message::setHeader);
        // No body at all rather than an empty one, so that nothing is said about a content the call does not have.
        message.setBody(request.body().length == 0 ? null : request.body());
        exchange.setProperty(REQUEST, request);
    }
}

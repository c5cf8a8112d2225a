package io.cancelgateway.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.flow.CancelExchange;
import io.cancelgateway.provider.ProviderResults;

/**
 * Translates how the provider's calls went into the canonical result: the last answer through the provider's own
 * status table, or the gateway's explanation of why there was none. A result already decided (a failure the route's
 * error policy answered) stands.
 */
@ApplicationScoped
@Named("translateAnswer")
public class TranslateAnswer implements Processor {

    private final ConfiguredProviders providers;
    private final KnownSecrets secrets;

    public TranslateAnswer(ConfiguredProviders providers, KnownSecrets secrets) {
        this.providers = providers;
        this.secrets = secrets;
    }

    @Override
    public void process(Exchange exchange) {
        if (exchange.getProperty(CancelExchange.RESULT) != null) {
            return;
        }
        CancelCall call = CancelCall.of(exchange);
        exchange.setProperty(CancelExchange.RESULT, ProviderResults.fromCall(call.request(),
                call.target().merchantId(), providers.api(call.provider()), call.report(),
                text -> secrets.mask(text, call.secrets())));
        exchange.setProperty(CancelExchange.TIMED_OUT, call.report().timedOut() || call.report().deadlinePassed());
    }
}

package io.cancelgateway.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.flow.CancelExchange;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.provider.CallReport;
import io.cancelgateway.provider.ProviderApi;
import io.cancelgateway.provider.ProviderResults;
import io.cancelgateway.provider.ProviderText;

/**
 * Translates how the provider's calls went into the canonical result: the last answer through the provider's own
 * status table, or the gateway's explanation of why there was none; and says whether the provider can follow the result
 * until it is final. A result already decided (a failure the route's error policy answered) stands.
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
        ProviderApi api = providers.api(call.provider());
        CallReport report = call.report();
        CancelResult result = ProviderResults.fromCall(call.request(), call.target().merchantId(), api, report,
                call.outcomeUnknown(), text -> ProviderText.shown(secrets.mask(text, call.secrets())));
        exchange.setProperty(CancelExchange.RESULT, result);
        exchange.setProperty(CancelExchange.TIMED_OUT, report.timedOut() || report.deadlinePassed());
        exchange.setProperty(CancelExchange.FOLLOWABLE, call.followable(api, result.outcome()));
    }
}

package io.cancelgateway.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.flow.CancelExchange;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.provider.CallReport;
import io.cancelgateway.provider.ProviderText;
import io.cancelgateway.provider.ProviderVerdict;
import io.cancelgateway.sync.StatusFinding;

/**
 * Translates how a status check's calls went into a {@link StatusFinding}: the last answer through the provider's
 * status table, texts masked of secrets, or why there was none. A check the route decided without a call (credentials
 * gone) or refused (deadline, open circuit, busy) found nothing.
 */
@ApplicationScoped
@Named("translateStatus")
public class TranslateStatus implements Processor {

    private final ConfiguredProviders providers;
    private final KnownSecrets secrets;

    public TranslateStatus(ConfiguredProviders providers, KnownSecrets secrets) {
        this.providers = providers;
        this.secrets = secrets;
    }

    @Override
    public void process(Exchange exchange) {
        CancelResult decided = exchange.getProperty(CancelExchange.RESULT, CancelResult.class);
        exchange.removeProperty(CancelExchange.RESULT);
        if (decided != null) {
            exchange.setProperty(StatusFinding.PROPERTY, StatusFinding.failed(decided.error()));
            return;
        }
        CancelCall call = CancelCall.of(exchange);
        CallReport report = call.report();
        if (report.answer() == null) {
            exchange.setProperty(StatusFinding.PROPERTY, StatusFinding.failed(report.failure()));
            return;
        }
        ProviderVerdict verdict = providers.api(call.provider()).statusApi().orElseThrow()
                .translateStatus(call.target(), report.answer().status(), report.answer().body());
        exchange.setProperty(StatusFinding.PROPERTY, new StatusFinding(new ProviderVerdict(verdict.outcome(),
                mask(call, verdict.providerStatus()), mask(call, verdict.providerCode()),
                mask(call, verdict.providerMessage()), verdict.cancelledAt()), report.answer().status(), null));
    }

    private String mask(CancelCall call, String text) {
        return ProviderText.shown(secrets.mask(text, call.secrets()));
    }
}

package io.cancelgateway.provider.kwikpaisa;

import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.OutboundCall;
import io.cancelgateway.provider.Provider;
import io.cancelgateway.provider.ProviderConnector;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.ProviderVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** KwikPaisa order cancel: a signed POST whose body names the order. */
@ApplicationScoped
public class KwikPaisaConnector implements ProviderConnector {

    private final KwikPaisaRequestBuilder requests;
    private final KwikPaisaResponseTranslator answers;

    /**
     * @param numericOrderId send digits-only order ids as JSON numbers (the guide's example) instead of strings (the
     *        API reference)
     * @param zone the zone KwikPaisa's zoneless cancel times are read in
     */
    @Inject
    public KwikPaisaConnector(
            @ConfigProperty(name = "cancel.providers.kwikpaisa.numeric-order-id", defaultValue = "false")
            boolean numericOrderId,
            @ConfigProperty(name = "cancel.providers.kwikpaisa.zone", defaultValue = "Asia/Kolkata")
            ZoneId zone) {
        this.requests = new KwikPaisaRequestBuilder(Clock.systemUTC(), numericOrderId);
        this.answers = new KwikPaisaResponseTranslator(zone);
    }

    @Override
    public Provider provider() {
        return Provider.KWIKPAISA;
    }

    @Override
    public boolean needsSecretKey() {
        return true;
    }

    @Override
    public OutboundCall buildCall(CancelTarget target, ProviderCredentials credentials, URI baseUrl) {
        return requests.build(target, credentials, baseUrl);
    }

    @Override
    public ProviderVerdict translate(int httpStatus, String body) {
        return answers.translate(httpStatus, body);
    }
}

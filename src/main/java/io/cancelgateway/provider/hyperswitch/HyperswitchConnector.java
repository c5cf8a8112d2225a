package io.cancelgateway.provider.hyperswitch;

import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.OutboundCall;
import io.cancelgateway.provider.Provider;
import io.cancelgateway.provider.ProviderConnector;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.ProviderVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/** Hyperswitch payment cancel (void of an uncaptured payment), authenticated by the api-key header. */
@ApplicationScoped
public class HyperswitchConnector implements ProviderConnector {

    private final HyperswitchRequestBuilder requests = new HyperswitchRequestBuilder();
    private final HyperswitchResponseTranslator answers = new HyperswitchResponseTranslator();

    @Override
    public Provider provider() {
        return Provider.HYPERSWITCH;
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

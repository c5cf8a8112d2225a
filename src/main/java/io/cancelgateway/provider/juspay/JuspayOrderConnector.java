package io.cancelgateway.provider.juspay;

import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.OutboundCall;
import io.cancelgateway.provider.Provider;
import io.cancelgateway.provider.ProviderConnector;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.ProviderVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Cancels Juspay orders (open payment links). */
@ApplicationScoped
public class JuspayOrderConnector implements ProviderConnector {

    private final JuspayOrderRequestBuilder builder;
    private final JuspayOrderResponseTranslator translator = new JuspayOrderResponseTranslator();

    @Inject
    public JuspayOrderConnector(@ConfigProperty(name = "cancel.providers.juspay-order.default-reason",
            defaultValue = "Cancelled at the merchant's request") String defaultReason) {
        this.builder = new JuspayOrderRequestBuilder(defaultReason);
    }

    @Override
    public Provider provider() {
        return Provider.JUSPAY_ORDER;
    }

    @Override
    public boolean needsMerchantId() {
        return true;
    }

    @Override
    public OutboundCall buildCall(CancelTarget target, ProviderCredentials credentials, URI baseUrl) {
        return builder.build(target, credentials, baseUrl);
    }

    @Override
    public ProviderVerdict translate(int httpStatus, String body) {
        return translator.translate(httpStatus, body);
    }
}

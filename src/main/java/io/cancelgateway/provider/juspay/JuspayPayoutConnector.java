package io.cancelgateway.provider.juspay;

import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.OutboundCall;
import io.cancelgateway.provider.Provider;
import io.cancelgateway.provider.ProviderConnector;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.ProviderVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/** Cancels Juspay payout fulfillments; the cancel is only scheduled, so the best outcome is PENDING. */
@ApplicationScoped
public class JuspayPayoutConnector implements ProviderConnector {

    private final JuspayPayoutRequestBuilder builder = new JuspayPayoutRequestBuilder();
    private final JuspayPayoutResponseTranslator translator = new JuspayPayoutResponseTranslator();

    @Override
    public Provider provider() {
        return Provider.JUSPAY_PAYOUT;
    }

    @Override
    public boolean needsMerchantId() {
        return true;
    }

    @Override
    public boolean needsCustomerId() {
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

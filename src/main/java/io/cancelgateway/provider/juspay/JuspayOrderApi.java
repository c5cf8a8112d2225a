package io.cancelgateway.provider.juspay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.PathSegment;
import io.cancelgateway.provider.Provider;
import io.cancelgateway.provider.ProviderApi;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.ProviderRequest;
import io.cancelgateway.provider.ProviderVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Juspay order cancel (an open payment link): {@code POST /merchants/{merchant_id}/order/{order_id}/cancel} with a JSON
 * {@code cancel_reason}, Basic authentication. It has no status API: Juspay's order status call exists, but its
 * documentation does not say which status a cancelled payment link shows, so its cancels are not followed.
 */
@ApplicationScoped
public class JuspayOrderApi implements ProviderApi {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String defaultReason;
    private final JuspayOrderResponseTranslator answers = new JuspayOrderResponseTranslator();

    /** @param defaultReason sent when the request carries no reason, because Juspay requires one */
    @Inject
    public JuspayOrderApi(@ConfigProperty(name = "cancel.providers.juspay-order.default-reason") String defaultReason) {
        this.defaultReason = Objects.requireNonNull(defaultReason, "default cancel reason");
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
    public ProviderRequest cancelRequest(CancelTarget target) {
        String merchantId = Objects.requireNonNull(target.merchantId(), "Juspay merchant id");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-merchantid", merchantId);
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        return new ProviderRequest("POST", "/merchants/" + PathSegment.encode(merchantId) + "/order/"
                + PathSegment.encode(target.reference()) + "/cancel", headers, body(reasonFor(target)));
    }

    @Override
    public Map<String, String> authHeaders(ProviderCredentials credentials) {
        return JuspayBasicAuth.headers(credentials.apiKey());
    }

    @Override
    public ProviderVerdict translate(int httpStatus, String body) {
        return answers.translate(httpStatus, body);
    }

    private String reasonFor(CancelTarget target) {
        String reason = target.reason();
        return reason == null || reason.isBlank() ? defaultReason : reason;
    }

    private static byte[] body(String reason) {
        ObjectNode body = MAPPER.createObjectNode().put("cancel_reason", reason);
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException impossibleForATextNode) {
            throw new IllegalStateException("Cannot write the Juspay cancel body", impossibleForATextNode);
        }
    }
}

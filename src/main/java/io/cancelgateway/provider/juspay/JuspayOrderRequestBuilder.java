package io.cancelgateway.provider.juspay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.OutboundCall;
import io.cancelgateway.provider.PathSegment;
import io.cancelgateway.provider.ProviderCredentials;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Builds the Juspay order cancel call: {@code POST /merchants/{merchant_id}/order/{order_id}/cancel}, JSON reason. */
public final class JuspayOrderRequestBuilder {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String defaultReason;

    /** @param defaultReason sent when the request carries no reason, because Juspay requires one */
    public JuspayOrderRequestBuilder(String defaultReason) {
        this.defaultReason = Objects.requireNonNull(defaultReason, "default cancel reason");
    }

    public OutboundCall build(CancelTarget target, ProviderCredentials credentials, URI baseUrl) {
        String merchantId = Objects.requireNonNull(target.merchantId(), "Juspay merchant id");
        URI uri = URI.create(baseUrl + "/merchants/" + PathSegment.encode(merchantId)
                + "/order/" + PathSegment.encode(target.reference()) + "/cancel");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", JuspayBasicAuth.headerValue(credentials.apiKey()));
        headers.put("x-merchantid", merchantId);
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        return new OutboundCall("POST", uri, headers, body(reasonFor(target)));
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

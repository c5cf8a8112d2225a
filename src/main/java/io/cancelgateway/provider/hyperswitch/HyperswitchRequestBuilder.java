package io.cancelgateway.provider.hyperswitch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.OutboundCall;
import io.cancelgateway.provider.PathSegment;
import io.cancelgateway.provider.ProviderCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds Hyperswitch's payment cancel call. Optional fields are left out rather than sent empty. */
public final class HyperswitchRequestBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    public OutboundCall build(CancelTarget target, ProviderCredentials credentials, URI baseUrl) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        headers.put("api-key", credentials.apiKey());
        URI uri = URI.create(baseUrl + "/payments/" + PathSegment.encode(target.reference()) + "/cancel");
        return new OutboundCall("POST", uri, headers, body(target.reason()));
    }

    private static byte[] body(String reason) {
        ObjectNode body = JSON.createObjectNode();
        if (reason != null && !reason.isBlank()) {
            body.put("cancellation_reason", reason);
        }
        try {
            return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException cannotHappenForATree) {
            throw new IllegalStateException(cannotHappenForATree);
        }
    }
}

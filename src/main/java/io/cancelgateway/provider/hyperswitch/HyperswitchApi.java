package io.cancelgateway.provider.hyperswitch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.PathSegment;
import io.cancelgateway.provider.Provider;
import io.cancelgateway.provider.ProviderApi;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.ProviderRequest;
import io.cancelgateway.provider.ProviderStatusApi;
import io.cancelgateway.provider.ProviderVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Hyperswitch payment cancel (void of an uncaptured payment): {@code POST /payments/{payment_id}/cancel} with an
 * optional reason, authenticated by the {@code api-key} header.
 */
@ApplicationScoped
public class HyperswitchApi implements ProviderApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HyperswitchResponseTranslator answers = new HyperswitchResponseTranslator();
    private final HyperswitchStatusApi statusApi = new HyperswitchStatusApi();

    @Override
    public Provider provider() {
        return Provider.HYPERSWITCH;
    }

    @Override
    public ProviderRequest cancelRequest(CancelTarget target) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        return new ProviderRequest("POST", "/payments/" + PathSegment.encode(target.reference()) + "/cancel", headers,
                body(target.reason()));
    }

    @Override
    public Map<String, String> authHeaders(ProviderCredentials credentials) {
        return Map.of("api-key", credentials.apiKey());
    }

    @Override
    public ProviderVerdict translate(int httpStatus, String body) {
        return answers.translate(httpStatus, body);
    }

    @Override
    public Optional<ProviderStatusApi> statusApi() {
        return Optional.of(statusApi);
    }

    /** Optional fields are left out rather than sent empty. */
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

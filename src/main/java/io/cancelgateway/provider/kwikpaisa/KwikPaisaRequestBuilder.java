package io.cancelgateway.provider.kwikpaisa;

import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.OutboundCall;
import io.cancelgateway.provider.ProviderCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds KwikPaisa's signed cancel call. Every build reads the clock again, because KwikPaisa refuses stale timestamps
 * and a retry must not replay an old signature.
 */
public final class KwikPaisaRequestBuilder {

    private static final String CANCEL_PATH = "/api/v3/pg/order/cancel";

    private final Clock clock;
    private final boolean numericOrderId;

    public KwikPaisaRequestBuilder(Clock clock, boolean numericOrderId) {
        this.clock = clock;
        this.numericOrderId = numericOrderId;
    }

    public OutboundCall build(CancelTarget target, ProviderCredentials credentials, URI baseUrl) {
        String payload = KwikPaisaPayload.cancelOrder(target.reference(), numericOrderId);
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        headers.put("X-API-KEY", credentials.apiKey());
        headers.put("X-TIMESTAMP", Long.toString(timestamp));
        headers.put("X-SIGNATURE", KwikPaisaSigner.sign(credentials.secretKey(), payload, timestamp));
        return new OutboundCall("POST", URI.create(baseUrl + CANCEL_PATH), headers,
                payload.getBytes(StandardCharsets.UTF_8));
    }
}

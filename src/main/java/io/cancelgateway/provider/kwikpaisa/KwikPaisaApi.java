package io.cancelgateway.provider.kwikpaisa;

import io.cancelgateway.provider.CallKind;
import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.Provider;
import io.cancelgateway.provider.ProviderApi;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.ProviderRequest;
import io.cancelgateway.provider.ProviderStatusApi;
import io.cancelgateway.provider.ProviderVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * KwikPaisa order cancel: {@code POST /api/v3/pg/order/cancel} whose body names the order, authenticated by
 * {@code X-API-KEY} and signed with the secret key over the body and a timestamp ({@code X-TIMESTAMP},
 * {@code X-SIGNATURE}); its {@link KwikPaisaStatusApi} calls are signed the same way. Every signature reads the
 * clock again: KwikPaisa refuses stale timestamps and a retry must not replay an old signature.
 */
@ApplicationScoped
public class KwikPaisaApi implements ProviderApi {

    private static final String CANCEL_PATH = "/api/v3/pg/order/cancel";

    private final Clock clock;
    private final boolean numericOrderId;
    private final KwikPaisaResponseTranslator answers;
    private final KwikPaisaStatusApi statusApi;

    /**
     * @param numericOrderId send digits-only order ids as JSON numbers (the guide's example) instead of strings (the
     *        API reference)
     * @param zone the zone KwikPaisa's zoneless cancel times are read in
     */
    @Inject
    public KwikPaisaApi(@ConfigProperty(name = "cancel.providers.kwikpaisa.numeric-order-id") boolean numericOrderId,
            @ConfigProperty(name = "cancel.providers.kwikpaisa.zone") ZoneId zone) {
        this(Clock.systemUTC(), numericOrderId, zone);
    }

    public KwikPaisaApi(Clock clock, boolean numericOrderId, ZoneId zone) {
        this.clock = clock;
        this.numericOrderId = numericOrderId;
        this.answers = new KwikPaisaResponseTranslator(zone);
        this.statusApi = new KwikPaisaStatusApi(numericOrderId, zone);
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
    public ProviderRequest cancelRequest(CancelTarget target) {
        String payload = KwikPaisaPayload.order(target.reference(), numericOrderId);
        return new ProviderRequest("POST", CANCEL_PATH, headers(), payload.getBytes(StandardCharsets.UTF_8));
    }

    /** The headers of every KwikPaisa call, cancel and status alike, before authentication and signature. */
    static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        return headers;
    }

    @Override
    public Map<String, String> authHeaders(ProviderCredentials credentials) {
        return Map.of("X-API-KEY", credentials.apiKey());
    }

    /** The body sent is the signed payload byte for byte: plain ASCII, see {@link KwikPaisaPayload}. */
    @Override
    public Map<String, String> signatureHeaders(ProviderRequest request, ProviderCredentials credentials) {
        long timestamp = clock.instant().getEpochSecond();
        String payload = new String(request.body(), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-TIMESTAMP", Long.toString(timestamp));
        headers.put("X-SIGNATURE", KwikPaisaSigner.sign(credentials.secretKey(), payload, timestamp));
        return headers;
    }

    @Override
    public int statedStatus(CallKind kind, int httpStatus, String body) {
        return KwikPaisaResponseTranslator.statedStatus(kind, httpStatus, body);
    }

    @Override
    public ProviderVerdict translate(int httpStatus, String body) {
        return answers.translate(httpStatus, body);
    }

    @Override
    public Optional<ProviderStatusApi> statusApi() {
        return Optional.of(statusApi);
    }
}

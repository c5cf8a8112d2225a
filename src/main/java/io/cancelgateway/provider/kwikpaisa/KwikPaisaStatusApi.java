package io.cancelgateway.provider.kwikpaisa;

import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.ProviderRequest;
import io.cancelgateway.provider.ProviderStatusApi;
import io.cancelgateway.provider.ProviderVerdict;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/**
 * KwikPaisa order status: {@code POST /api/v3/pg/order/status} whose body names the order exactly as the cancel's
 * does, so that {@link KwikPaisaApi#signatureHeaders} signs it the same way.
 */
public final class KwikPaisaStatusApi implements ProviderStatusApi {

    private static final String STATUS_PATH = "/api/v3/pg/order/status";

    private final boolean numericOrderId;
    private final KwikPaisaStatusTranslator answers;

    /**
     * @param numericOrderId send digits-only order ids as JSON numbers, as the cancel does
     * @param zone the zone KwikPaisa's zoneless times are read in
     */
    public KwikPaisaStatusApi(boolean numericOrderId, ZoneId zone) {
        this.numericOrderId = numericOrderId;
        this.answers = new KwikPaisaStatusTranslator(zone);
    }

    /** The order id is all the call needs. */
    @Override
    public boolean canFollow(CancelTarget target) {
        return true;
    }

    @Override
    public ProviderRequest statusRequest(CancelTarget target) {
        String payload = KwikPaisaPayload.order(target.reference(), numericOrderId);
        return new ProviderRequest("POST", STATUS_PATH, KwikPaisaApi.headers(),
                payload.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public ProviderVerdict translateStatus(CancelTarget target, int httpStatus, String body) {
        return answers.translate(httpStatus, body);
    }
}

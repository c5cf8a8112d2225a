package io.cancelgateway.provider.hyperswitch;

import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.PathSegment;
import io.cancelgateway.provider.ProviderRequest;
import io.cancelgateway.provider.ProviderStatusApi;
import io.cancelgateway.provider.ProviderVerdict;
import java.util.Map;

/**
 * Hyperswitch payment retrieve: {@code GET /payments/{payment_id}?force_sync=true}, authenticated like the cancel.
 * {@code force_sync} makes Hyperswitch ask the processor first, so a void the processor has confirmed shows as
 * cancelled rather than as the processing Hyperswitch last saw.
 */
public final class HyperswitchStatusApi implements ProviderStatusApi {

    private final HyperswitchStatusTranslator answers = new HyperswitchStatusTranslator();

    /** The payment id is all the call needs. */
    @Override
    public boolean canFollow(CancelTarget target) {
        return true;
    }

    @Override
    public ProviderRequest statusRequest(CancelTarget target) {
        return new ProviderRequest("GET", "/payments/" + PathSegment.encode(target.reference()) + "?force_sync=true",
                Map.of("Accept", "application/json"), new byte[0]);
    }

    @Override
    public ProviderVerdict translateStatus(CancelTarget target, int httpStatus, String body) {
        return answers.translate(httpStatus, body);
    }
}

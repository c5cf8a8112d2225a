package io.cancelgateway.provider.hyperswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.ProviderRequest;
import io.cancelgateway.provider.ProviderStatusApi;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Hyperswitch status call as built: the payment retrieved after a sync with the processor. */
class HyperswitchStatusApiTest {

    private final HyperswitchApi api = new HyperswitchApi();
    private final ProviderStatusApi status = api.statusApi().orElseThrow();

    @Test
    void retrievesThePaymentForcingASyncWithTheProcessor() {
        ProviderRequest request = status.statusRequest(new CancelTarget("pay_mbabizu24mvu3mela5njyhpit4", "m-1",
                "requested_by_customer", "c-1", "ignored"));

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/payments/pay_mbabizu24mvu3mela5njyhpit4?force_sync=true");
        assertThat(request.headers()).containsExactly(Map.entry("Accept", "application/json"));
        assertThat(request.body()).isEmpty();
        ProviderCredentials credentials = new ProviderCredentials("snd_test_key_123", null);
        assertThat(api.authHeaders(credentials)).containsExactly(Map.entry("api-key", "snd_test_key_123"));
        assertThat(api.signatureHeaders(request, credentials)).isEmpty();
    }

    @Test
    void encodesTheReferenceAsOnePathSegmentSoItCannotChangeTheQuery() {
        assertThat(status.statusRequest(new CancelTarget("pay#1?force_sync=false&x=/..", null, null, null, null))
                .path()).isEqualTo("/payments/pay%231%3Fforce_sync%3Dfalse%26x%3D%2F..?force_sync=true");
    }

    @Test
    void followsEveryPaymentItsIdIsAllTheCallNeeds() {
        assertThat(status.canFollow(new CancelTarget("pay_1", null, null, null, null))).isTrue();
        assertThat(status.canFollow(new CancelTarget("pay_1", "m-1", "r", "c-1", "p-1"))).isTrue();
    }

    @Test
    void translatesThroughTheStatusTable() {
        CancelTarget target = new CancelTarget("pay_1", null, null, null, null);

        assertThat(status.translateStatus(target, 200, "{\"status\":\"succeeded\"}").outcome())
                .isEqualTo(Outcome.REJECTED);
        assertThat(api.translate(200, "{\"status\":\"succeeded\"}").outcome())
                .as("a cancel answer reads the same body otherwise").isEqualTo(Outcome.PENDING);
    }
}

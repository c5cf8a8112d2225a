package io.cancelgateway.provider.juspay;

import static org.assertj.core.api.Assertions.assertThat;

import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.ProviderRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Juspay payout cancel call as built; {@code ProviderContractTest} checks what reaches the wire. */
class JuspayPayoutApiTest {

    private final JuspayPayoutApi api = new JuspayPayoutApi();

    @Test
    void buildsTheDocumentedCallWithoutBodyAndWithTheRoutingId() {
        ProviderRequest request = api.cancelRequest(new CancelTarget("ful#1?x=y", "m1",
                "ignored: payouts take no reason", "cust-7", null));

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/payout/merchant/v1/fulfillment/ful%231%3Fx%3Dy/cancel");
        assertThat(request.headers()).containsExactly(Map.entry("x-merchantid", "m1"),
                Map.entry("x-routing-id", "cust-7"), Map.entry("Accept", "application/json"));
        assertThat(request.body()).isEmpty();
        assertThat(api.authHeaders(new ProviderCredentials("key", null)))
                .containsExactly(Map.entry("Authorization", "Basic a2V5Og=="));
    }
}

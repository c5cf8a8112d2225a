package io.cancelgateway.provider.hyperswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.ProviderRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Hyperswitch cancel call as built; {@code ProviderContractTest} checks what reaches the wire. */
class HyperswitchApiTest {

    private final HyperswitchApi api = new HyperswitchApi();

    @Test
    void buildsTheDocumentedCallWithItsReason() {
        ProviderRequest request = api.cancelRequest(new CancelTarget("pay_mbabizu24mvu3mela5njyhpit4", "m-1",
                "requested_by_customer", "c-1", null));

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/payments/pay_mbabizu24mvu3mela5njyhpit4/cancel");
        assertThat(request.headers()).containsExactly(Map.entry("Content-Type", "application/json"),
                Map.entry("Accept", "application/json"));
        assertThat(text(request)).isEqualTo("{\"cancellation_reason\":\"requested_by_customer\"}");
    }

    @Test
    void encodesTheReferenceAsOnePathSegment() {
        assertThat(api.cancelRequest(new CancelTarget("pay#1?x=y", null, null, null, null)).path())
                .isEqualTo("/payments/pay%231%3Fx%3Dy/cancel");
    }

    @Test
    void sendsAnEmptyObjectWhenThereIsNoReason() {
        assertThat(text(api.cancelRequest(new CancelTarget("pay_1", null, null, null, null)))).isEqualTo("{}");
        assertThat(text(api.cancelRequest(new CancelTarget("pay_1", null, "  ", null, null)))).isEqualTo("{}");
    }

    @Test
    void escapesTheReasonAsJson() {
        assertThat(text(api.cancelRequest(new CancelTarget("pay_1", null, "said \"stop\"\n", null, null))))
                .isEqualTo("{\"cancellation_reason\":\"said \\\"stop\\\"\\n\"}");
    }

    @Test
    void authenticatesWithTheApiKeyHeaderAndSignsNothing() {
        ProviderCredentials credentials = new ProviderCredentials("snd_test_key_123", null);

        assertThat(api.authHeaders(credentials)).containsExactly(Map.entry("api-key", "snd_test_key_123"));
        assertThat(api.signatureHeaders(api.cancelRequest(new CancelTarget("pay_1", null, null, null, null)), credentials))
                .isEmpty();
    }

    private static String text(ProviderRequest request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }
}

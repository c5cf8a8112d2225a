package io.cancelgateway.provider.juspay;

import static org.assertj.core.api.Assertions.assertThat;

import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.ProviderRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Juspay order cancel call as built; {@code ProviderContractTest} checks what reaches the wire. */
class JuspayOrderApiTest {

    private final JuspayOrderApi api = new JuspayOrderApi("Cancelled at the merchant's request");

    @Test
    void buildsTheDocumentedCallWithTheReferenceEncodedAsOnePathSegment() {
        ProviderRequest request = api.cancelRequest(new CancelTarget("ord#1?x=y", "m1", "Customer said \"stop\" – ü",
                null, null));

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/merchants/m1/order/ord%231%3Fx%3Dy/cancel");
        assertThat(request.headers()).containsExactly(Map.entry("x-merchantid", "m1"),
                Map.entry("Content-Type", "application/json"), Map.entry("Accept", "application/json"));
        assertThat(request.body()).isEqualTo(
                "{\"cancel_reason\":\"Customer said \\\"stop\\\" – ü\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sendsTheConfiguredReasonWhenTheRequestHasNoneOrABlankOne() {
        assertThat(api.cancelRequest(new CancelTarget("ord-1", "m1", null, null, null)).body())
                .isEqualTo("{\"cancel_reason\":\"Cancelled at the merchant's request\"}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(api.cancelRequest(new CancelTarget("ord-1", "m1", "  ", null, null)).body())
                .isEqualTo("{\"cancel_reason\":\"Cancelled at the merchant's request\"}"
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void authenticatesWithBasicTheApiKeyBeingTheUserName() {
        Map<String, String> headers = api.authHeaders(new ProviderCredentials("key", null));

        assertThat(headers).containsExactly(Map.entry("Authorization", "Basic a2V5Og=="));
        assertThat(new String(Base64.getDecoder().decode("a2V5Og=="), StandardCharsets.UTF_8)).isEqualTo("key:");
    }

    @Test
    void hasNoStatusApiBecauseTheStatusOfACancelledLinkIsUndocumented() {
        assertThat(api.statusApi()).isEmpty();
    }
}

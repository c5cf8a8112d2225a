package io.cancelgateway.provider.kwikpaisa;

import static org.assertj.core.api.Assertions.assertThat;

import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.ProviderRequest;
import io.cancelgateway.provider.ProviderStatusApi;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The KwikPaisa status call as built and signed by the cancel's signing step, checked against the documented
 * signature vectors: the status body names the order exactly as the cancel's does.
 */
class KwikPaisaStatusApiTest {

    private static final long TIMESTAMP = 1778659835L;
    private static final Clock FIXED = Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC);
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final ProviderCredentials CREDENTIALS = new ProviderCredentials("pk_test_123", "YOUR_SECRET_KEY");
    private static final CancelTarget TARGET = new CancelTarget("6116229263036", "m-1", "requested_by_customer", "c-1",
            null);

    @Test
    void postsTheStringOrderIdSignedLikeTheCancel() {
        KwikPaisaApi api = new KwikPaisaApi(FIXED, false, KOLKATA);
        ProviderRequest request = api.statusApi().orElseThrow().statusRequest(TARGET);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v3/pg/order/status");
        assertThat(request.headers()).containsExactly(Map.entry("Content-Type", "application/json"),
                Map.entry("Accept", "application/json"));
        assertThat(request.body()).isEqualTo("{\"order_id\":\"6116229263036\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(api.authHeaders(CREDENTIALS)).containsExactly(Map.entry("X-API-KEY", "pk_test_123"));
        assertThat(api.signatureHeaders(request, CREDENTIALS)).containsExactly(
                Map.entry("X-TIMESTAMP", "1778659835"),
                Map.entry("X-SIGNATURE", "9e6e6b93b3d2c2de9d66b2c8b409c031b638c7f40bebac1cbb8b89f965e66461"));
    }

    @Test
    void postsTheNumericOrderIdWhenConfigured() {
        KwikPaisaApi api = new KwikPaisaApi(FIXED, true, KOLKATA);
        ProviderRequest request = api.statusApi().orElseThrow().statusRequest(TARGET);

        assertThat(request.body()).isEqualTo("{\"order_id\":6116229263036}".getBytes(StandardCharsets.UTF_8));
        assertThat(api.signatureHeaders(request, CREDENTIALS)).containsEntry("X-SIGNATURE",
                "cea778fa5a41f1fdb806384d9183202785390d7063d4d2cf83ad5ac28ae953ed");
    }

    @Test
    void signsTheBodyAsSentForAnyOrderId() {
        KwikPaisaApi api = new KwikPaisaApi(FIXED, false, KOLKATA);
        ProviderRequest request = api.statusApi().orElseThrow()
                .statusRequest(new CancelTarget("ord/é-1", null, null, null, null));
        String body = new String(request.body(), StandardCharsets.UTF_8);

        assertThat(body).isEqualTo("{\"order_id\":\"ord/\\u00e9-1\"}");
        assertThat(api.signatureHeaders(request, CREDENTIALS).get("X-SIGNATURE"))
                .isEqualTo(KwikPaisaSigner.sign("YOUR_SECRET_KEY", body, TIMESTAMP));
    }

    @Test
    void followsEveryOrderItsIdIsAllTheCallNeeds() {
        ProviderStatusApi status = new KwikPaisaApi(FIXED, false, KOLKATA).statusApi().orElseThrow();

        assertThat(status.canFollow(new CancelTarget("1", null, null, null, null))).isTrue();
        assertThat(status.canFollow(TARGET)).isTrue();
    }

    @Test
    void readsTimesInTheConfiguredZone() {
        String body = "{\"code\":\"200\",\"status\":\"success\",\"return_data\":{\"order_status\":\"CANCELLED\","
                + "\"cancelled_at\":\"13-05-2026 09:14 AM\"}}";

        assertThat(new KwikPaisaApi(FIXED, false, ZoneId.of("UTC")).statusApi().orElseThrow()
                .translateStatus(TARGET, 200, body)).satisfies(verdict -> {
                    assertThat(verdict.outcome()).isEqualTo(Outcome.CANCELLED);
                    assertThat(verdict.cancelledAt()).isEqualTo("2026-05-13T09:14:00Z");
                });
    }
}

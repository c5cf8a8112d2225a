package io.cancelgateway.provider.kwikpaisa;

import static org.assertj.core.api.Assertions.assertThat;

import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.ProviderRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The KwikPaisa cancel call as built and signed, checked against the documented signature vectors;
 * {@code ProviderContractTest} checks what reaches the wire.
 */
class KwikPaisaApiTest {

    private static final long TIMESTAMP = 1778659835L;
    private static final Clock FIXED = Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC);
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final ProviderCredentials CREDENTIALS = new ProviderCredentials("pk_test_123", "YOUR_SECRET_KEY");
    private static final CancelTarget TARGET = new CancelTarget("6116229263036", "m-1", "requested_by_customer", "c-1", null);

    @Test
    void signsTheStringFormOfTheOrderId() {
        KwikPaisaApi api = new KwikPaisaApi(FIXED, false, KOLKATA);
        ProviderRequest request = api.cancelRequest(TARGET);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v3/pg/order/cancel");
        assertThat(request.headers()).containsExactly(Map.entry("Content-Type", "application/json"),
                Map.entry("Accept", "application/json"));
        assertThat(request.body()).isEqualTo("{\"order_id\":\"6116229263036\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(api.authHeaders(CREDENTIALS)).containsExactly(Map.entry("X-API-KEY", "pk_test_123"));
        assertThat(api.signatureHeaders(request, CREDENTIALS)).containsExactly(
                Map.entry("X-TIMESTAMP", "1778659835"),
                Map.entry("X-SIGNATURE", "9e6e6b93b3d2c2de9d66b2c8b409c031b638c7f40bebac1cbb8b89f965e66461"));
    }

    @Test
    void signsTheNumericFormOfTheOrderIdWhenConfigured() {
        KwikPaisaApi api = new KwikPaisaApi(FIXED, true, KOLKATA);
        ProviderRequest request = api.cancelRequest(TARGET);

        assertThat(request.body()).isEqualTo("{\"order_id\":6116229263036}".getBytes(StandardCharsets.UTF_8));
        assertThat(api.signatureHeaders(request, CREDENTIALS)).containsEntry("X-SIGNATURE",
                "cea778fa5a41f1fdb806384d9183202785390d7063d4d2cf83ad5ac28ae953ed");
    }

    @Test
    void signsEveryAttemptWithTheTimeOfThatAttempt() {
        KwikPaisaApi api = new KwikPaisaApi(new SteppingClock(TIMESTAMP), false, KOLKATA);
        ProviderRequest request = api.cancelRequest(TARGET);

        Map<String, String> first = api.signatureHeaders(request, CREDENTIALS);
        Map<String, String> retry = api.signatureHeaders(request, CREDENTIALS);

        assertThat(first.get("X-TIMESTAMP")).isEqualTo("1778659835");
        assertThat(retry.get("X-TIMESTAMP")).isEqualTo("1778659836");
        assertThat(retry.get("X-SIGNATURE")).isNotEqualTo(first.get("X-SIGNATURE"))
                .isEqualTo(KwikPaisaSigner.sign("YOUR_SECRET_KEY", "{\"order_id\":\"6116229263036\"}", 1778659836L));
    }

    /** A clock that moves one second forward each time it is read, like time passing between a call and its retry. */
    private static final class SteppingClock extends Clock {

        private long next;

        SteppingClock(long firstEpochSecond) {
            this.next = firstEpochSecond;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(next++);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

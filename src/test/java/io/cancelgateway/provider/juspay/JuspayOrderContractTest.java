package io.cancelgateway.provider.juspay;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.OutboundCall;
import io.cancelgateway.provider.ProviderAnswer;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.ProviderHttpClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What actually reaches Juspay's order cancel endpoint, byte for byte. */
class JuspayOrderContractTest {

    private static final String DEFAULT_REASON = "Cancelled at the merchant's request";
    private static final List<String> TRANSPORT_HEADERS = List.of("host", "content-length", "connection", "user-agent");

    private static WireMockServer juspay;

    private final JuspayOrderRequestBuilder builder = new JuspayOrderRequestBuilder(DEFAULT_REASON);
    private final ProviderHttpClient http = new ProviderHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(5));
    private final ProviderCredentials credentials = new ProviderCredentials("key", null);

    @BeforeAll
    static void startJuspay() {
        juspay = new WireMockServer(options().dynamicPort());
        juspay.start();
    }

    @AfterAll
    static void stopJuspay() {
        juspay.stop();
    }

    @BeforeEach
    void answerSuccess() {
        juspay.resetAll();
        juspay.stubFor(post(anyUrl()).willReturn(okJson(
                "{\"status\":\"Success\",\"message\":\"Order cancelled successfully\",\"order_id\":\"ord#1?x=y\"}")));
    }

    @Test
    void sendsTheDocumentedCallWithTheReferenceEncodedAsOnePathSegment() throws Exception {
        LoggedRequest received = send(new CancelTarget("ord#1?x=y", "m1", "Customer said \"stop\" – ü", null));

        assertThat(received.getMethod().getName()).isEqualTo("POST");
        assertThat(received.getUrl()).isEqualTo("/merchants/m1/order/ord%231%3Fx%3Dy/cancel");
        assertThat(new String(Base64.getDecoder().decode(
                received.getHeader("Authorization").substring("Basic ".length())), StandardCharsets.UTF_8))
                .isEqualTo("key:");
        assertThat(received.getHeader("Authorization")).isEqualTo("Basic a2V5Og==");
        assertThat(received.getHeader("x-merchantid")).isEqualTo("m1");
        assertThat(received.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(received.getHeader("Accept")).isEqualTo("application/json");
        assertThat(received.getBody()).isEqualTo(
                "{\"cancel_reason\":\"Customer said \\\"stop\\\" – ü\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(received.getHeader("Content-Length"))
                .isEqualTo(String.valueOf(received.getBody().length));
        assertOnlyHeaders(received, "authorization", "x-merchantid", "content-type", "accept");
    }

    @Test
    void sendsTheConfiguredReasonWhenTheRequestHasNone() throws Exception {
        LoggedRequest received = send(new CancelTarget("ord-1", "m1", null, null));

        assertThat(received.getUrl()).isEqualTo("/merchants/m1/order/ord-1/cancel");
        assertThat(received.getBody()).isEqualTo(
                "{\"cancel_reason\":\"Cancelled at the merchant's request\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sendsTheConfiguredReasonWhenTheRequestReasonIsBlank() throws Exception {
        LoggedRequest received = send(new CancelTarget("ord-1", "m1", "  ", null));

        assertThat(received.getBodyAsString()).isEqualTo("{\"cancel_reason\":\"Cancelled at the merchant's request\"}");
    }

    @Test
    void headersGoOutInTheDocumentedOrder() {
        OutboundCall call = builder.build(new CancelTarget("ord-1", "m1", null, null), credentials,
                URI.create("https://sandbox.juspay.in"));

        assertThat(call.headers().keySet()).containsExactly("Authorization", "x-merchantid", "Content-Type", "Accept");
        assertThat(call.uri()).hasToString("https://sandbox.juspay.in/merchants/m1/order/ord-1/cancel");
        assertThat(call.toString()).doesNotContain("a2V5Og==");
    }

    private LoggedRequest send(CancelTarget target) throws Exception {
        OutboundCall call = builder.build(target, credentials, URI.create(juspay.baseUrl()));
        ProviderAnswer answer = http.send(call);
        assertThat(answer.status()).isEqualTo(200);
        List<LoggedRequest> requests = juspay.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static void assertOnlyHeaders(LoggedRequest received, String... setByBuilder) {
        List<String> names = received.getHeaders().all().stream()
                .map(HttpHeader::key)
                .map(name -> name.toLowerCase(Locale.ROOT))
                .toList();
        assertThat(names).contains(setByBuilder);
        assertThat(names).allMatch(name -> List.of(setByBuilder).contains(name) || TRANSPORT_HEADERS.contains(name),
                "is set by the builder or by the transport");
    }
}

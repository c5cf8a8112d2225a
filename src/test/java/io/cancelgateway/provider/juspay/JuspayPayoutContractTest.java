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

/** What actually reaches Juspay's payout fulfillment cancel endpoint, byte for byte. */
class JuspayPayoutContractTest {

    private static final List<String> TRANSPORT_HEADERS = List.of("host", "content-length", "connection", "user-agent");

    private static WireMockServer juspay;

    private final JuspayPayoutRequestBuilder builder = new JuspayPayoutRequestBuilder();
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
    void answerScheduled() {
        juspay.resetAll();
        juspay.stubFor(post(anyUrl()).willReturn(okJson("{\"status\":\"Fulfillment is scheduled for cancelation."
                + " Please check order status for final status.\"}")));
    }

    @Test
    void sendsTheDocumentedCallWithoutBodyAndWithTheRoutingId() throws Exception {
        LoggedRequest received = send(new CancelTarget("ful#1?x=y", "m1", "ignored: payouts take no reason", "cust-7"));

        assertThat(received.getMethod().getName()).isEqualTo("POST");
        assertThat(received.getUrl()).isEqualTo("/payout/merchant/v1/fulfillment/ful%231%3Fx%3Dy/cancel");
        assertThat(new String(Base64.getDecoder().decode(
                received.getHeader("Authorization").substring("Basic ".length())), StandardCharsets.UTF_8))
                .isEqualTo("key:");
        assertThat(received.getHeader("Authorization")).isEqualTo("Basic a2V5Og==");
        assertThat(received.getHeader("x-merchantid")).isEqualTo("m1");
        assertThat(received.getHeader("x-routing-id")).isEqualTo("cust-7");
        assertThat(received.getHeader("Accept")).isEqualTo("application/json");
        assertThat(received.getBody()).isEmpty();
        assertThat(received.containsHeader("Content-Type")).isFalse();
        assertOnlyHeaders(received, "authorization", "x-merchantid", "x-routing-id", "accept");
    }

    @Test
    void headersGoOutInTheDocumentedOrder() {
        OutboundCall call = builder.build(new CancelTarget("ful-1", "m1", null, "cust-7"), credentials,
                URI.create("https://sandbox.juspay.in"));

        assertThat(call.headers().keySet()).containsExactly("Authorization", "x-merchantid", "x-routing-id", "Accept");
        assertThat(call.uri()).hasToString("https://sandbox.juspay.in/payout/merchant/v1/fulfillment/ful-1/cancel");
        assertThat(call.body()).isEmpty();
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

package io.cancelgateway.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.cancelgateway.e2e.WireMockProviders.server;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.cancelgateway.flow.CancelExchange;
import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.provider.kwikpaisa.KwikPaisaSigner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * What each provider route puts on the wire, byte for byte, through its camel-http endpoint: method, path, every
 * header (nothing but the contract's and the transport's), body and signature. The routes are called directly, as the
 * content-based router calls them.
 */
@QuarkusTest
@TestProfile(WireMockProviders.class)
class ProviderContractTest {

    private static final Set<String> TRANSPORT_HEADERS = Set.of("host", "content-length", "connection", "user-agent");

    @Inject
    ProducerTemplate camel;

    @BeforeEach
    void answerOk() {
        server.resetAll();
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    }

    @Test
    void juspayOrderGetsBasicAuthTheMerchantAndTheReasonWithTheReferenceAsOnePathSegment() {
        cancelAt("juspay-order", new CancelRequest("c-jo", "juspay-order", "m1", "ord#1?x=y",
                "Customer said \"stop\" – ü", null, null));

        LoggedRequest received = onlyRequest();
        assertThat(received.getMethod().getName()).isEqualTo("POST");
        assertThat(received.getUrl()).isEqualTo("/merchants/m1/order/ord%231%3Fx%3Dy/cancel");
        assertThat(received.getHeader("Authorization")).isEqualTo(basic(WireMockProviders.JUSPAY_KEY));
        assertThat(received.getHeader("x-merchantid")).isEqualTo("m1");
        assertThat(received.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(received.getHeader("Accept")).isEqualTo("application/json");
        assertThat(received.getBody()).isEqualTo(
                "{\"cancel_reason\":\"Customer said \\\"stop\\\" – ü\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(received.getHeader("Content-Length")).isEqualTo(String.valueOf(received.getBody().length));
        assertOnlyHeaders(received, "authorization", "x-merchantid", "content-type", "accept");
    }

    @Test
    void juspayPayoutGetsNoBodyAndTheCustomerAsRoutingId() {
        cancelAt("juspay-payout", new CancelRequest("c-jp", "juspay-payout", "payout-merchant", "ful#1?x=y",
                "ignored: payouts take no reason", "cust-7", null));

        LoggedRequest received = onlyRequest();
        assertThat(received.getMethod().getName()).isEqualTo("POST");
        assertThat(received.getUrl()).isEqualTo("/payout/merchant/v1/fulfillment/ful%231%3Fx%3Dy/cancel");
        assertThat(received.getHeader("Authorization")).isEqualTo(basic(WireMockProviders.JUSPAY_KEY));
        assertThat(received.getHeader("x-merchantid")).isEqualTo("payout-merchant");
        assertThat(received.getHeader("x-routing-id")).isEqualTo("cust-7");
        assertThat(received.getHeader("Accept")).isEqualTo("application/json");
        assertThat(received.getBody()).isEmpty();
        assertThat(received.containsHeader("Content-Type")).isFalse();
        assertOnlyHeaders(received, "authorization", "x-merchantid", "x-routing-id", "accept");
    }

    @Test
    void kwikPaisaGetsTheSignedPayloadByteForByte() {
        cancelAt("kwikpaisa", new CancelRequest("c-kp", "kwikpaisa", null, "6116229263036", "duplicate", null, null));

        LoggedRequest received = onlyRequest();
        assertThat(received.getMethod().getName()).isEqualTo("POST");
        assertThat(received.getUrl()).isEqualTo("/api/v3/pg/order/cancel");
        assertThat(received.getBody()).isEqualTo("{\"order_id\":\"6116229263036\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(received.getHeader("X-API-KEY")).isEqualTo(WireMockProviders.KWIKPAISA_KEY);
        String timestamp = received.getHeader("X-TIMESTAMP");
        assertThat(Long.parseLong(timestamp)).isCloseTo(System.currentTimeMillis() / 1000,
                org.assertj.core.data.Offset.offset(30L));
        assertThat(received.getHeader("X-SIGNATURE")).isEqualTo(KwikPaisaSigner.sign(
                WireMockProviders.KWIKPAISA_SECRET, received.getBodyAsString(), Long.parseLong(timestamp)));
        assertThat(received.getHeader("Content-Type")).isEqualTo("application/json");
        assertOnlyHeaders(received, "content-type", "accept", "x-api-key", "x-timestamp", "x-signature");
    }

    @Test
    void hyperswitchGetsItsApiKeyAndTheReasonOnly() {
        cancelAt("hyperswitch", new CancelRequest("c-hs", "hyperswitch", "m-1", "pay#1?x=y", "requested_by_customer",
                "c-1", null));

        LoggedRequest received = onlyRequest();
        assertThat(received.getMethod().getName()).isEqualTo("POST");
        assertThat(received.getUrl()).isEqualTo("/payments/pay%231%3Fx%3Dy/cancel");
        assertThat(received.getHeader("api-key")).isEqualTo(WireMockProviders.HYPERSWITCH_KEY);
        assertThat(received.getBody())
                .isEqualTo("{\"cancellation_reason\":\"requested_by_customer\"}".getBytes(StandardCharsets.UTF_8));
        assertOnlyHeaders(received, "content-type", "accept", "api-key");
    }

    @Test
    void theClientSaysWhoItIsAndAsksForNothingElse() {
        cancelAt("hyperswitch", new CancelRequest("c-ua", "hyperswitch", null, "pay_ua", null, null, null));

        LoggedRequest received = onlyRequest();
        assertThat(received.getHeader("User-Agent")).isEqualTo("cancel-gateway/1.0");
        assertThat(received.containsHeader("Accept-Encoding")).isFalse();
        assertThat(received.containsHeader("Cookie")).isFalse();
    }

    private CancelResult cancelAt(String provider, CancelRequest request) {
        Exchange done = camel.send("direct:cancel-at-" + provider, exchange -> {
            exchange.setProperty(CancelExchange.PROVIDER, provider);
            exchange.getMessage().setBody(request);
        });
        assertThat(done.getException()).isNull();
        CancelResult result = done.getProperty(CancelExchange.RESULT, CancelResult.class);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.httpStatus()).isEqualTo(200);
        return result;
    }

    private static String basic(String apiKey) {
        return "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> received = server.findAll(anyRequestedFor(anyUrl()));
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    private static void assertOnlyHeaders(LoggedRequest received, String... contractHeaders) {
        Set<String> names = received.getHeaders().all().stream()
                .map(HttpHeader::key)
                .map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        assertThat(names).contains(contractHeaders);
        names.removeAll(List.of(contractHeaders));
        assertThat(names).as("headers besides the contract's").isSubsetOf(TRANSPORT_HEADERS);
    }
}

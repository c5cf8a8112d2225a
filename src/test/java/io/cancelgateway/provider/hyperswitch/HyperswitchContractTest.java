package io.cancelgateway.provider.hyperswitch;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.OutboundCall;
import io.cancelgateway.provider.ProviderAnswer;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.ProviderHttpClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HyperswitchContractTest {

    private static final ProviderCredentials CREDENTIALS = new ProviderCredentials("snd_test_key_123", null);
    private static final Set<String> SET_HEADERS = Set.of("content-type", "accept", "api-key");
    private static final Set<String> TRANSPORT_HEADERS = Set.of("host", "content-length", "connection", "user-agent");

    private WireMockServer hyperswitch;

    @BeforeEach
    void startProvider() {
        hyperswitch = new WireMockServer(options().dynamicPort());
        hyperswitch.start();
        hyperswitch.stubFor(WireMock.post(WireMock.anyUrl()).willReturn(okJson(
                "{\"payment_id\":\"pay_1\",\"status\":\"cancelled\",\"modified_at\":\"2026-05-13T03:44:00Z\"}")));
    }

    @AfterEach
    void stopProvider() {
        hyperswitch.stop();
    }

    @Test
    void sendsTheCancelWithItsReason() throws Exception {
        ProviderAnswer answer = send(new CancelTarget("pay_mbabizu24mvu3mela5njyhpit4", "m-1",
                "requested_by_customer", "c-1"));

        LoggedRequest received = onlyRequest();
        assertThat(received.getMethod().getName()).isEqualTo("POST");
        assertThat(received.getUrl()).isEqualTo("/payments/pay_mbabizu24mvu3mela5njyhpit4/cancel");
        assertSetHeaders(received);
        assertThat(received.getBody())
                .isEqualTo("{\"cancellation_reason\":\"requested_by_customer\"}".getBytes(StandardCharsets.UTF_8));
        assertOnlyExpectedHeaders(received);
        assertThat(new HyperswitchResponseTranslator().translate(answer.status(), answer.body()).outcome())
                .isEqualTo(Outcome.CANCELLED);
    }

    @Test
    void encodesTheReferenceAsOnePathSegment() throws Exception {
        send(new CancelTarget("pay#1?x=y", null, "fraud", null));

        LoggedRequest received = onlyRequest();
        assertThat(received.getMethod().getName()).isEqualTo("POST");
        assertThat(received.getUrl()).isEqualTo("/payments/pay%231%3Fx%3Dy/cancel");
        assertSetHeaders(received);
        assertThat(received.getBody()).isEqualTo("{\"cancellation_reason\":\"fraud\"}".getBytes(StandardCharsets.UTF_8));
        assertOnlyExpectedHeaders(received);
    }

    @Test
    void sendsAnEmptyObjectWhenThereIsNoReason() throws Exception {
        send(new CancelTarget("pay_1", null, null, null));

        LoggedRequest received = onlyRequest();
        assertThat(received.getMethod().getName()).isEqualTo("POST");
        assertThat(received.getUrl()).isEqualTo("/payments/pay_1/cancel");
        assertSetHeaders(received);
        assertThat(received.getBody()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
        assertOnlyExpectedHeaders(received);
    }

    @Test
    void escapesTheReasonAsJson() {
        OutboundCall call = new HyperswitchRequestBuilder()
                .build(new CancelTarget("pay_1", null, "said \"stop\"\n", null), CREDENTIALS, baseUrl());

        assertThat(new String(call.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"cancellation_reason\":\"said \\\"stop\\\"\\n\"}");
    }

    @Test
    void setsTheHeadersInTheDocumentedOrderAndHidesTheKey() {
        OutboundCall call = new HyperswitchRequestBuilder()
                .build(new CancelTarget("pay_1", null, null, null), CREDENTIALS, baseUrl());

        assertThat(call.headers().keySet()).containsExactly("Content-Type", "Accept", "api-key");
        assertThat(call.toString()).doesNotContain("snd_test_key_123");
    }

    private ProviderAnswer send(CancelTarget target) throws Exception {
        OutboundCall call = new HyperswitchRequestBuilder().build(target, CREDENTIALS, baseUrl());
        return new ProviderHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(5)).send(call);
    }

    private URI baseUrl() {
        return URI.create(hyperswitch.baseUrl());
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> received = hyperswitch.findAll(anyRequestedFor(anyUrl()));
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    private static void assertSetHeaders(LoggedRequest received) {
        assertThat(received.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(received.getHeader("Accept")).isEqualTo("application/json");
        assertThat(received.getHeader("api-key")).isEqualTo("snd_test_key_123");
        assertThat(received.getHeader("User-Agent")).isEqualTo(ProviderHttpClient.USER_AGENT);
    }

    private static void assertOnlyExpectedHeaders(LoggedRequest received) {
        Set<String> names = received.getHeaders().keys().stream()
                .map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        assertThat(names).containsAll(SET_HEADERS);
        names.removeAll(SET_HEADERS);
        assertThat(names).isSubsetOf(TRANSPORT_HEADERS);
    }
}

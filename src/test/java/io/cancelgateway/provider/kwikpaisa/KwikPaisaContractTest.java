package io.cancelgateway.provider.kwikpaisa;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.CancelTarget;
import io.cancelgateway.provider.OutboundCall;
import io.cancelgateway.provider.ProviderAnswer;
import io.cancelgateway.provider.ProviderCredentials;
import io.cancelgateway.provider.ProviderHttpClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KwikPaisaContractTest {

    private static final long TIMESTAMP = 1778659835L;
    private static final Clock FIXED = Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC);
    private static final ProviderCredentials CREDENTIALS = new ProviderCredentials("pk_test_123", "YOUR_SECRET_KEY");
    private static final CancelTarget TARGET = new CancelTarget("6116229263036", "m-1", "requested_by_customer", "c-1");
    private static final Set<String> SET_HEADERS =
            Set.of("content-type", "accept", "x-api-key", "x-timestamp", "x-signature");
    private static final Set<String> TRANSPORT_HEADERS = Set.of("host", "content-length", "connection", "user-agent");

    private WireMockServer kwikPaisa;

    @BeforeEach
    void startProvider() {
        kwikPaisa = new WireMockServer(options().dynamicPort());
        kwikPaisa.start();
        kwikPaisa.stubFor(post(urlPathEqualTo("/api/v3/pg/order/cancel")).willReturn(okJson(
                "{\"code\":\"200\",\"status\":\"success\",\"message\":\"Order cancelled successfully.\","
                        + "\"return_data\":{\"order_id\":\"6116229263036\",\"order_status\":\"CANCELLED\","
                        + "\"cancelled_at\":\"13-05-2026 09:14 AM\"}}")));
    }

    @AfterEach
    void stopProvider() {
        kwikPaisa.stop();
    }

    @Test
    void sendsTheSignedStringFormOfTheOrderId() throws Exception {
        ProviderAnswer answer = send(new KwikPaisaRequestBuilder(FIXED, false));

        LoggedRequest received = onlyRequest();
        assertThat(received.getMethod().getName()).isEqualTo("POST");
        assertThat(received.getUrl()).isEqualTo("/api/v3/pg/order/cancel");
        assertSetHeaders(received, "9e6e6b93b3d2c2de9d66b2c8b409c031b638c7f40bebac1cbb8b89f965e66461");
        assertThat(received.getBody()).isEqualTo("{\"order_id\":\"6116229263036\"}".getBytes(StandardCharsets.UTF_8));
        assertOnlyExpectedHeaders(received);
        assertThat(new KwikPaisaResponseTranslator(ZoneId.of("Asia/Kolkata"))
                .translate(answer.status(), answer.body()).outcome()).isEqualTo(Outcome.CANCELLED);
    }

    @Test
    void sendsTheSignedNumericFormOfTheOrderIdWhenConfigured() throws Exception {
        send(new KwikPaisaRequestBuilder(FIXED, true));

        LoggedRequest received = onlyRequest();
        assertThat(received.getMethod().getName()).isEqualTo("POST");
        assertThat(received.getUrl()).isEqualTo("/api/v3/pg/order/cancel");
        assertSetHeaders(received, "cea778fa5a41f1fdb806384d9183202785390d7063d4d2cf83ad5ac28ae953ed");
        assertThat(received.getBody()).isEqualTo("{\"order_id\":6116229263036}".getBytes(StandardCharsets.UTF_8));
        assertOnlyExpectedHeaders(received);
    }

    @Test
    void setsTheHeadersInTheDocumentedOrder() {
        OutboundCall call = new KwikPaisaRequestBuilder(FIXED, false).build(TARGET, CREDENTIALS, baseUrl());

        assertThat(call.headers().keySet())
                .containsExactly("Content-Type", "Accept", "X-API-KEY", "X-TIMESTAMP", "X-SIGNATURE");
    }

    @Test
    void signsEveryBuildWithTheTimeOfThatBuild() {
        KwikPaisaRequestBuilder builder = new KwikPaisaRequestBuilder(new SteppingClock(TIMESTAMP), false);

        OutboundCall first = builder.build(TARGET, CREDENTIALS, baseUrl());
        OutboundCall retry = builder.build(TARGET, CREDENTIALS, baseUrl());

        assertThat(first.headers().get("X-TIMESTAMP")).isEqualTo("1778659835");
        assertThat(retry.headers().get("X-TIMESTAMP")).isEqualTo("1778659836");
        assertThat(retry.headers().get("X-SIGNATURE")).isNotEqualTo(first.headers().get("X-SIGNATURE"))
                .isEqualTo(KwikPaisaSigner.sign("YOUR_SECRET_KEY", "{\"order_id\":\"6116229263036\"}", 1778659836L));
    }

    @Test
    void neverShowsTheKeyOrSignatureInTheCallsText() {
        OutboundCall call = new KwikPaisaRequestBuilder(FIXED, false).build(TARGET, CREDENTIALS, baseUrl());

        assertThat(call.toString()).doesNotContain("pk_test_123", "YOUR_SECRET_KEY",
                "9e6e6b93b3d2c2de9d66b2c8b409c031b638c7f40bebac1cbb8b89f965e66461");
    }

    private ProviderAnswer send(KwikPaisaRequestBuilder builder) throws Exception {
        OutboundCall call = builder.build(TARGET, CREDENTIALS, baseUrl());
        return new ProviderHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(5)).send(call);
    }

    private URI baseUrl() {
        return URI.create(kwikPaisa.baseUrl());
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> received = kwikPaisa.findAll(anyRequestedFor(anyUrl()));
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    private static void assertSetHeaders(LoggedRequest received, String signature) {
        assertThat(received.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(received.getHeader("Accept")).isEqualTo("application/json");
        assertThat(received.getHeader("X-API-KEY")).isEqualTo("pk_test_123");
        assertThat(received.getHeader("X-TIMESTAMP")).isEqualTo("1778659835");
        assertThat(received.getHeader("X-SIGNATURE")).isEqualTo(signature);
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

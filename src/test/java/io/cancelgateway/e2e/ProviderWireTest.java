package io.cancelgateway.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.cancelgateway.e2e.RestCancelTest.cancel;
import static io.cancelgateway.e2e.RestCancelTest.unique;
import static io.cancelgateway.e2e.WireMockProviders.server;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** What actually goes on the wire to providers, through the whole service: isolation, retries, timeouts, secrets. */
@QuarkusTest
@TestProfile(WireMockProviders.class)
class ProviderWireTest {

    private static final Set<String> TRANSPORT_HEADERS = Set.of("host", "content-length", "connection", "user-agent");
    private static final String CANCELLED_PAYMENT = "{\"payment_id\":\"p\",\"status\":\"cancelled\","
            + "\"modified_at\":\"2026-05-13T03:44:00Z\"}";
    private static final String IR_16_CANCELLED = "{\"error\":{\"type\":\"invalid_request\",\"message\":"
            + "\"You cannot cancel this payment because it has status cancelled\",\"code\":\"IR_16\"}}";

    @BeforeEach
    void resetProviders() {
        server.resetAll();
    }

    @Test
    void onlyValidatedFieldsReachTheProvider() {
        String reference = unique("iso");
        server.stubFor(post(urlPathMatching("/payments/.*/cancel"))
                .willReturn(aResponse().withStatus(200).withBody(CANCELLED_PAYMENT)));

        given().header("X-Api-Key", RestCancelTest.API_KEY)
                .header("Authorization", "Bearer inbound-token")
                .header("Cookie", "session=inbound-cookie")
                .header("X-Forwarded-For", "10.9.8.7")
                .header("api-key", "inbound-api-key")
                .header("CamelHttpUri", "http://attacker.invalid/steal")
                .queryParam("reference", "query-reference")
                .queryParam("debug", "true")
                .contentType(ContentType.JSON)
                .body(Map.of("provider", "hyperswitch", "reference", reference, "reason", "requested_by_customer"))
                .when().post("/api/v1/cancellations")
                .then().statusCode(200).body("outcome", org.hamcrest.Matchers.equalTo("CANCELLED"));

        List<LoggedRequest> received = server.findAll(anyRequestedFor(anyUrl()));
        assertThat(received).hasSize(1);
        LoggedRequest call = received.get(0);
        assertThat(call.getUrl()).isEqualTo("/payments/" + reference + "/cancel");
        assertThat(call.getHeaders().all().stream().map(HttpHeader::key).map(String::toLowerCase)
                .filter(name -> !TRANSPORT_HEADERS.contains(name)).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("content-type", "accept", "api-key");
        assertThat(call.getHeader("api-key")).isEqualTo(WireMockProviders.HYPERSWITCH_KEY);
        assertThat(call.getBodyAsString()).isEqualTo("{\"cancellation_reason\":\"requested_by_customer\"}");
    }

    @Test
    void nothingTheProviderSendsBesidesItsAnswerReachesTheCallerOrItsNextCall() {
        server.stubFor(post(urlPathMatching("/payments/.*/cancel")).willReturn(aResponse().withStatus(200)
                .withHeader("Set-Cookie", "provider-session=abc123; Path=/")
                .withHeader("X-Provider-Debug", "internal-host-7")
                .withBody(CANCELLED_PAYMENT)));

        io.restassured.response.Response first = given().header("X-Api-Key", RestCancelTest.API_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("provider", "hyperswitch", "reference", unique("ck1")))
                .when().post("/api/v1/cancellations");
        cancel(Map.of("provider", "hyperswitch", "reference", unique("ck2"))).statusCode(200);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.getHeader("Set-Cookie")).isNull();
        assertThat(first.getHeader("X-Provider-Debug")).isNull();
        List<LoggedRequest> calls = server.findAll(anyRequestedFor(anyUrl()));
        assertThat(calls).hasSize(2);
        assertThat(calls).noneMatch(call -> call.containsHeader("Cookie"));
    }

    @Test
    void aProviderEchoingCredentialsHasThemMaskedInTheResultAndTheJournal() {
        String basic = java.util.Base64.getEncoder().encodeToString((WireMockProviders.JUSPAY_KEY + ":")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String echo = "Authorization Basic " + basic + " (key " + WireMockProviders.JUSPAY_KEY + ") cannot cancel; "
                + "caller " + RestCancelTest.API_KEY + ", other provider " + WireMockProviders.HYPERSWITCH_KEY;
        server.stubFor(post(urlPathMatching("/merchants/.*/order/.*/cancel")).willReturn(aResponse().withStatus(400)
                .withBody("{\"status\":\"error\",\"error_code\":\"" + WireMockProviders.KWIKPAISA_SECRET
                        + "\",\"error_message\":\"" + echo + "\"}")));
        String requestId = "echo-" + unique("e");

        String answer = cancel(Map.of("request_id", requestId, "provider", "juspay-order", "reference",
                unique("ord"))).statusCode(400).extract().asString();
        String attempts = given().header("X-Api-Key", RestCancelTest.API_KEY)
                .when().get("/api/v1/cancellations/" + requestId + "/attempts").then().statusCode(200)
                .extract().asString();

        for (String secret : List.of(basic, WireMockProviders.JUSPAY_KEY, RestCancelTest.API_KEY,
                WireMockProviders.HYPERSWITCH_KEY, WireMockProviders.KWIKPAISA_SECRET)) {
            assertThat(answer).as("the result").doesNotContain(secret);
            assertThat(attempts).as("the journal's attempts").doesNotContain(secret);
        }
        assertThat(answer).contains("Authorization Basic ****");
    }

    @Test
    void a503ThenSuccessIsCancelledAfterTwoAttempts() {
        String reference = unique("retry");
        server.stubFor(post(urlPathMatching("/payments/.*/cancel")).inScenario("retry").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("{\"error\":{\"code\":\"HE_00\"}}"))
                .willSetStateTo("recovered"));
        server.stubFor(post(urlPathMatching("/payments/.*/cancel")).inScenario("retry").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody(CANCELLED_PAYMENT)));

        cancel(Map.of("provider", "hyperswitch", "reference", reference)).statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("CANCELLED"))
                .body("attempts", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void aServerErrorStatedInASuccessfulAnswerIsRetriedLikeOne() {
        // KwikPaisa wraps errors in a 2xx at times ({"status":false} with the code): the code is the status.
        server.stubFor(post(urlEqualTo("/api/v3/pg/order/cancel")).inScenario("stated").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(200)
                        .withBody("{\"status\":false,\"code\":503,\"message\":\"Service unavailable.\"}"))
                .willSetStateTo("up"));
        server.stubFor(post(urlEqualTo("/api/v3/pg/order/cancel")).inScenario("stated").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody("{\"code\":\"200\",\"status\":\"success\","
                        + "\"return_data\":{\"order_status\":\"CANCELLED\",\"cancelled_at\":\"13-05-2026 09:14 AM\"}}")));

        cancel(Map.of("provider", "kwikpaisa", "reference", unique("stated"))).statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("CANCELLED"))
                .body("attempts", org.hamcrest.Matchers.equalTo(2));

        server.stubFor(post(urlEqualTo("/api/v3/pg/order/cancel")).willReturn(aResponse().withStatus(200)
                .withBody("{\"status\":false,\"code\":500,\"message\":\"Internal error.\"}")));
        cancel(Map.of("provider", "kwikpaisa", "reference", unique("stated-down"))).statusCode(502)
                .body("outcome", org.hamcrest.Matchers.equalTo("ERROR"))
                .body("attempts", org.hamcrest.Matchers.equalTo(3))
                .body("http_status", org.hamcrest.Matchers.equalTo(200))
                .body("error", org.hamcrest.Matchers.startsWith("kwikpaisa gave no definitive answer (HTTP 200 stating "
                        + "500) after 3 attempts"))
                .body("sync_state", org.hamcrest.Matchers.equalTo("FOLLOWING"));
    }

    @Test
    void aJuspayPayoutErrorInASuccessfulAnswerIsThatError() {
        // Juspay wraps payout errors at times ({"response":{...},"code":404}), now and then in a 200.
        String unknown = unique("ful");
        server.stubFor(post(urlEqualTo("/payout/merchant/v1/fulfillment/" + unknown + "/cancel"))
                .willReturn(aResponse().withStatus(200).withBody("{\"response\":{\"error\":true,\"errorCode\":"
                        + "\"E09\",\"errorMessage\":\"Could not find resource: Fulfillment\"},\"code\":404}")));
        cancel(Map.of("provider", "juspay-payout", "merchant_id", StatusSyncTest.PAYOUT_MERCHANT, "reference", unknown,
                "customer_id", "c1")).statusCode(404)
                .body("outcome", org.hamcrest.Matchers.equalTo("NOT_FOUND"))
                .body("provider_code", org.hamcrest.Matchers.equalTo("E09"))
                .body("attempts", org.hamcrest.Matchers.equalTo(1));

        String busy = unique("ful");
        String path = "/payout/merchant/v1/fulfillment/" + busy + "/cancel";
        server.stubFor(post(urlEqualTo(path)).inScenario("payout").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(200).withBody("{\"response\":{\"error\":true,\"errorCode\":"
                        + "\"E90\",\"errorMessage\":\"Something went wrong\"},\"code\":503}"))
                .willSetStateTo("up"));
        server.stubFor(post(urlEqualTo(path)).inScenario("payout").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody("{\"status\":\"Fulfillment is scheduled for "
                        + "cancelation. Please check order status for final status.\"}")));
        cancel(Map.of("provider", "juspay-payout", "merchant_id", StatusSyncTest.PAYOUT_MERCHANT, "reference", busy,
                "customer_id", "c1")).statusCode(202)
                .body("outcome", org.hamcrest.Matchers.equalTo("PENDING"))
                .body("attempts", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void a500ThreeTimesIsARetryableErrorAfterThreeAttempts() {
        server.stubFor(post(urlPathMatching("/payments/.*/cancel")).willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":{\"type\":\"api\",\"message\":\"Something went wrong\",\"code\":\"HE_00\"}}")));

        cancel(Map.of("provider", "hyperswitch", "reference", unique("down"))).statusCode(502)
                .body("outcome", org.hamcrest.Matchers.equalTo("ERROR"))
                .body("retryable", org.hamcrest.Matchers.equalTo(true))
                .body("http_status", org.hamcrest.Matchers.equalTo(500))
                .body("provider_code", org.hamcrest.Matchers.equalTo("HE_00"))
                .body("attempts", org.hamcrest.Matchers.equalTo(3));
        server.verify(3, postRequestedFor(urlPathMatching("/payments/.*/cancel")));
    }

    @Test
    void conflictsAndBadRequestsAreCalledOnce() {
        server.stubFor(post(urlPathMatching("/api/v3/pg/order/cancel")).willReturn(aResponse().withStatus(409)
                .withBody("{\"status\":false,\"code\":409,\"message\":\"Permission denied: order status is PAID.\"}")));
        server.stubFor(post(urlPathMatching("/merchants/acme/order/.*/cancel")).willReturn(aResponse().withStatus(400)
                .withBody("{\"status\":\"error\",\"error_code\":\"INVALID_INPUT\",\"error_message\":\"bad\","
                        + "\"error_info\":{\"code\":\"INVALID_INPUT\"}}")));

        cancel(Map.of("provider", "kwikpaisa", "reference", unique("k"))).statusCode(409)
                .body("outcome", org.hamcrest.Matchers.equalTo("REJECTED"))
                .body("attempts", org.hamcrest.Matchers.equalTo(1));
        cancel(Map.of("provider", "juspay-order", "reference", unique("j"))).statusCode(400)
                .body("outcome", org.hamcrest.Matchers.equalTo("INVALID"))
                .body("attempts", org.hamcrest.Matchers.equalTo(1));
        server.verify(1, postRequestedFor(urlEqualTo("/api/v3/pg/order/cancel")));
        server.verify(1, postRequestedFor(urlPathMatching("/merchants/acme/order/.*/cancel")));
    }

    @Test
    void rateLimitingHonoursRetryAfter() {
        server.stubFor(post(urlEqualTo("/api/v3/pg/order/cancel")).inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody("{\"status\":false,\"code\":429,\"message\":\"Too many requests.\"}"))
                .willSetStateTo("open"));
        server.stubFor(post(urlEqualTo("/api/v3/pg/order/cancel")).inScenario("limit").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200).withBody("{\"code\":\"200\",\"status\":\"success\","
                        + "\"return_data\":{\"order_status\":\"CANCELLED\",\"cancelled_at\":\"13-05-2026 09:14 AM\"}}")));

        long started = System.nanoTime();
        cancel(Map.of("provider", "kwikpaisa", "reference", unique("rl"))).statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("CANCELLED"))
                .body("attempts", org.hamcrest.Matchers.equalTo(2))
                .body("cancelled_at", org.hamcrest.Matchers.equalTo("2026-05-13T09:14:00+05:30"));
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aRetriedAttemptFindingItAlreadyCancelledReportsCancelled() {
        server.stubFor(post(urlPathMatching("/payments/.*/cancel")).inScenario("lost").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("done"));
        server.stubFor(post(urlPathMatching("/payments/.*/cancel")).inScenario("lost").whenScenarioStateIs("done")
                .willReturn(aResponse().withStatus(400).withBody(IR_16_CANCELLED)));

        cancel(Map.of("provider", "hyperswitch", "reference", unique("lost"))).statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("CANCELLED"))
                .body("attempts", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void aThrottledAttemptThenAlreadyCancelledIsAlreadyCancelled() {
        // A 429 cancelled nothing: the payment was cancelled before this request, by someone else.
        server.stubFor(post(urlPathMatching("/payments/.*/cancel")).inScenario("throttled").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"error\":{\"code\":\"RE_00\"}}"))
                .willSetStateTo("done"));
        server.stubFor(post(urlPathMatching("/payments/.*/cancel")).inScenario("throttled").whenScenarioStateIs("done")
                .willReturn(aResponse().withStatus(400).withBody(IR_16_CANCELLED)));

        cancel(Map.of("provider", "hyperswitch", "reference", unique("throttled"))).statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("ALREADY_CANCELLED"))
                .body("attempts", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void aRepeatFindingItAlreadyCancelledAfterARunWhoseAnswersWereLostReportsCancelled() {
        // juspay-order is not followed: only the journal remembers that the first run's answers were lost.
        String requestId = unique("lost-run-");
        Map<String, String> request = Map.of("request_id", requestId, "provider", "juspay-order",
                "reference", unique("lost_run"));
        server.stubFor(post(urlPathMatching("/merchants/acme/order/.*/cancel"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        cancel(request).statusCode(502)
                .body("outcome", org.hamcrest.Matchers.equalTo("ERROR"))
                .body("sync_state", org.hamcrest.Matchers.equalTo("NOT_FOLLOWED"));

        server.resetAll();
        server.stubFor(post(urlPathMatching("/merchants/acme/order/.*/cancel")).willReturn(aResponse().withStatus(400)
                .withBody("{\"status\":\"error\",\"error_code\":\"INVALID_ACTION\",\"error_message\":\"Order is "
                        + "already cancelled.\",\"error_info\":{\"code\":\"INVALID_ACTION\"}}")));

        cancel(request).statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("CANCELLED"))
                .body("attempts", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void aRefusalAfterAnAttemptThatMayHaveReachedTheProviderIsFollowed() {
        // The payment is "processing": perhaps the gateway's own first cancel, whose answer was lost.
        server.stubFor(post(urlPathMatching("/payments/.*/cancel")).inScenario("processing")
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(502)).willSetStateTo("sent"));
        server.stubFor(post(urlPathMatching("/payments/.*/cancel")).inScenario("processing").whenScenarioStateIs("sent")
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":{\"type\":\"invalid_request\","
                        + "\"message\":\"You cannot cancel this payment because it has status processing\","
                        + "\"code\":\"IR_16\"}}")));
        server.stubFor(post(urlPathMatching("/api/v3/pg/order/cancel")).willReturn(aResponse().withStatus(409)
                .withBody("{\"status\":false,\"code\":409,\"message\":\"Permission denied: order status is "
                        + "PAID.\"}")));

        cancel(Map.of("provider", "hyperswitch", "reference", unique("processing"))).statusCode(409)
                .body("outcome", org.hamcrest.Matchers.equalTo("REJECTED"))
                .body("attempts", org.hamcrest.Matchers.equalTo(2))
                .body("sync_state", org.hamcrest.Matchers.equalTo("FOLLOWING"));
        // A refusal at the first attempt is the provider's answer to this request: final.
        cancel(Map.of("provider", "kwikpaisa", "reference", unique("paid"))).statusCode(409)
                .body("outcome", org.hamcrest.Matchers.equalTo("REJECTED"))
                .body("sync_state", org.hamcrest.Matchers.equalTo("FINAL"));
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeIsAGatewayTimeout() {
        server.stubFor(post(urlPathMatching("/payments/.*/cancel"))
                .willReturn(aResponse().withStatus(200).withBody(CANCELLED_PAYMENT).withFixedDelay(1500)));

        cancel(Map.of("provider", "hyperswitch", "reference", unique("slow"))).statusCode(504)
                .body("outcome", org.hamcrest.Matchers.equalTo("ERROR"))
                .body("retryable", org.hamcrest.Matchers.equalTo(true))
                .body("http_status", nullValue())
                .body("attempts", org.hamcrest.Matchers.equalTo(3));
    }

    @Test
    void aProviderThatDropsTheConnectionIsARetryableErrorAfterEveryAttemptEachRecorded() {
        server.stubFor(post(urlPathMatching("/payments/.*/cancel"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String requestId = "reset-" + unique("r");

        cancel(Map.of("request_id", requestId, "provider", "hyperswitch", "reference", unique("reset")))
                .statusCode(502)
                .body("outcome", org.hamcrest.Matchers.equalTo("ERROR"))
                .body("retryable", org.hamcrest.Matchers.equalTo(true))
                .body("http_status", nullValue())
                .body("attempts", org.hamcrest.Matchers.equalTo(3))
                .body("error", org.hamcrest.Matchers.startsWith("could not reach hyperswitch"))
                .body("error", org.hamcrest.Matchers.endsWith("after 3 attempts"));
        server.verify(3, postRequestedFor(urlPathMatching("/payments/.*/cancel")));
        given().header("X-Api-Key", RestCancelTest.API_KEY)
                .when().get("/api/v1/cancellations/" + requestId + "/attempts")
                .then().statusCode(200)
                .body("items.attempt", org.hamcrest.Matchers.contains(1, 2, 3))
                .body("items.http_status", org.hamcrest.Matchers.everyItem(nullValue()))
                .body("items.failure", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.startsWith("could not reach hyperswitch")));
    }

    @Test
    void anAnswerLongerThanAMebibyteIsNotReadWholeAndIsARetryableError() {
        server.stubFor(post(urlPathMatching("/payments/.*/cancel")).willReturn(aResponse().withStatus(200)
                .withBody("{\"payment_id\":\"p\",\"status\":\"cancelled\",\"pad\":\"" + "x".repeat(2 << 20) + "\"}")));
        String requestId = "long-" + unique("l");

        cancel(Map.of("request_id", requestId, "provider", "hyperswitch", "reference", unique("long")))
                .statusCode(502)
                .body("outcome", org.hamcrest.Matchers.equalTo("ERROR"))
                .body("retryable", org.hamcrest.Matchers.equalTo(true))
                .body("attempts", org.hamcrest.Matchers.equalTo(3))
                .body("error", org.hamcrest.Matchers.startsWith(
                        "hyperswitch answered with more than 1024 KiB after 3 attempts"))
                // The request went out and an answer came that could not be read: the cancel may have happened.
                .body("sync_state", org.hamcrest.Matchers.equalTo("FOLLOWING"));
        given().header("X-Api-Key", RestCancelTest.API_KEY)
                .when().get("/api/v1/cancellations/" + requestId + "/attempts")
                .then().statusCode(200)
                .body("items.failure", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.equalTo("hyperswitch answered with more than 1024 KiB")));
    }

    @Test
    void aCompressedAnswerIsRefusedUnreadSinceItWouldBeDecompressedWhole() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(new byte[8 << 20]); // 8 MiB of zeros in about 8 KiB
        }
        server.stubFor(post(urlPathMatching("/payments/.*/cancel")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Encoding", "gzip").withBody(compressed.toByteArray())));
        String requestId = "gzip-" + unique("g");

        cancel(Map.of("request_id", requestId, "provider", "hyperswitch", "reference", unique("gzip")))
                .statusCode(502)
                .body("outcome", org.hamcrest.Matchers.equalTo("ERROR"))
                .body("error", org.hamcrest.Matchers.equalTo("hyperswitch answered with Content-Encoding gzip, "
                        + "which the gateway does not ask for after 3 attempts"))
                .body("sync_state", org.hamcrest.Matchers.equalTo("FOLLOWING"));
        given().header("X-Api-Key", RestCancelTest.API_KEY)
                .when().get("/api/v1/cancellations/" + requestId + "/attempts")
                .then().statusCode(200)
                .body("items.response_body", org.hamcrest.Matchers.everyItem(nullValue()));
    }

    @Test
    void aProviderMessageIsCutToWhatAResultShows() {
        server.stubFor(post(urlPathMatching("/merchants/.*/order/.*/cancel")).willReturn(aResponse().withStatus(400)
                .withBody("{\"status\":\"error\",\"error_code\":\"" + "C".repeat(300) + "\",\"error_message\":\""
                        + "m".repeat(100_000) + "\"}")));

        cancel(Map.of("provider", "juspay-order", "reference", unique("ord"))).statusCode(400)
                .body("outcome", org.hamcrest.Matchers.equalTo("INVALID"))
                .body("provider_code", org.hamcrest.Matchers.equalTo("C".repeat(255) + "…"))
                .body("provider_message", org.hamcrest.Matchers.equalTo("m".repeat(255) + "…"));
    }

    @Test
    void missingCredentialsAreAuthFailedNamingThePropertyWithoutAnyCall() {
        cancel(Map.of("provider", "juspay-payout", "reference", unique("ful"), "customer_id", "c1",
                "merchant_id", "acme"))
                .statusCode(502)
                .body("outcome", org.hamcrest.Matchers.equalTo("AUTH_FAILED"))
                .body("attempts", org.hamcrest.Matchers.equalTo(0))
                .body("error", org.hamcrest.Matchers.equalTo("no credentials configured for juspay-payout: set "
                        + "cancel.providers.juspay-payout.merchants.acme.api-key or "
                        + "cancel.providers.juspay-payout.api-key"));
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void noSecretEverAppearsInTheLog() {
        List<String> lines = new ArrayList<>();
        try (LogCapture capture = LogCapture.start(lines::add)) {
            server.stubFor(post(urlPathMatching("/payments/.*/cancel")).willReturn(aResponse().withStatus(401)
                    .withBody("{\"error\":{\"type\":\"invalid_request\",\"message\":\"API key not provided or invalid"
                            + " API key used\",\"code\":\"IR_01\"}}")));
            server.stubFor(post(urlEqualTo("/api/v3/pg/order/cancel")).willReturn(aResponse().withStatus(503)));
            server.stubFor(post(urlPathMatching("/merchants/.*/cancel")).willReturn(aResponse().withStatus(200)
                    .withBody("{\"status\":\"Success\",\"message\":\"Order cancelled successfully\"}")));
            cancel(Map.of("provider", "hyperswitch", "reference", unique("s"))).statusCode(502);
            cancel(Map.of("provider", "kwikpaisa", "reference", unique("s"))).statusCode(502);
            cancel(Map.of("provider", "juspay-order", "reference", unique("s"))).statusCode(200);
            cancel(Map.of("provider", "juspay-payout", "reference", unique("s"), "customer_id", "c")).statusCode(502);
        }

        List<String> secrets = new ArrayList<>(List.of(WireMockProviders.JUSPAY_KEY, WireMockProviders.KWIKPAISA_KEY,
                WireMockProviders.KWIKPAISA_SECRET, WireMockProviders.HYPERSWITCH_KEY, RestCancelTest.API_KEY));
        for (LoggedRequest call : server.findAll(anyRequestedFor(anyUrl()))) {
            for (String header : List.of("Authorization", "X-SIGNATURE", "api-key", "X-API-KEY")) {
                if (call.containsHeader(header)) {
                    secrets.add(call.getHeader(header));
                }
            }
        }
        assertThat(secrets).hasSizeGreaterThan(8);
        String log = String.join("\n", lines);
        assertThat(log).contains("cancel request_id=").contains("outcome=AUTH_FAILED");
        for (String secret : secrets) {
            assertThat(log).as("log output").doesNotContain(secret);
            assertThat(log).as("log output").doesNotContain(secret.replace("Basic ", ""));
        }
    }

    @Test
    void everyCancelLogsOneInfoLine() {
        List<String> lines = new ArrayList<>();
        server.stubFor(post(urlPathMatching("/payments/.*/cancel"))
                .willReturn(aResponse().withStatus(200).withBody(CANCELLED_PAYMENT)));
        String requestId = "log-line-" + unique("x");
        try (LogCapture capture = LogCapture.start(lines::add)) {
            cancel(Map.of("request_id", requestId, "provider", "hyperswitch", "reference", unique("l")))
                    .statusCode(200);
        }
        assertThat(lines.stream().filter(line -> line.contains("request_id=" + requestId)))
                .singleElement().satisfies(line -> assertThat(line)
                        .startsWith("INFO cancel request_id=" + requestId + " channel=rest provider=hyperswitch")
                        // attempts may be 2 on a loaded machine, when the first call outlives the test read timeout
                        .containsPattern("outcome=CANCELLED attempts=\\d http_status=200 replayed=false duration_ms=\\d+$"));
    }
}

package io.cancelgateway.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The REST channel through the router to the built-in simulator: every outcome, for every provider. */
@QuarkusTest
class RestCancelTest {

    static final String API_KEY = "dev-api-key";

    @ParameterizedTest
    @CsvSource({
            "juspay-order,200,CANCELLED,Success",
            "juspay-payout,202,PENDING,",
            "kwikpaisa,200,CANCELLED,CANCELLED",
            "hyperswitch,200,CANCELLED,cancelled" })
    void firstCancelSucceeds(String provider, int status, String outcome, String providerStatus) {
        String reference = unique("ord");
        cancel(request(provider, reference))
                .statusCode(status)
                .contentType(ContentType.JSON)
                .body("outcome", equalTo(outcome))
                .body("provider", equalTo(provider))
                .body("reference", equalTo(reference))
                .body("provider_status", equalTo(providerStatus == null || providerStatus.isEmpty() ? null
                        : providerStatus))
                .body("http_status", equalTo(200))
                .body("attempts", equalTo(1))
                .body("retryable", equalTo(false))
                .body("channel", equalTo("rest"))
                .body("request_id", notNullValue())
                .body("completed_at", notNullValue())
                .body("error", nullValue());
        assertThat(simulatorCalls(provider, reference)).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
            "juspay-order,200,ALREADY_CANCELLED",
            "juspay-payout,202,PENDING",
            "kwikpaisa,200,ALREADY_CANCELLED",
            "hyperswitch,200,ALREADY_CANCELLED" })
    void secondCancelFindsTheTargetAlreadyCancelled(String provider, int status, String outcome) {
        String reference = unique("twice");
        cancel(request(provider, reference)).statusCode(200 == status ? 200 : 202);
        cancel(request(provider, reference)).statusCode(status).body("outcome", equalTo(outcome));
    }

    @ParameterizedTest
    @CsvSource({
            "juspay-order,missing-,404,NOT_FOUND,1",
            "juspay-payout,missing-,404,NOT_FOUND,1",
            "kwikpaisa,missing-,404,NOT_FOUND,1",
            "hyperswitch,missing-,404,NOT_FOUND,1",
            "juspay-order,paid-,409,REJECTED,1",
            "juspay-payout,paid-,202,PENDING,1",
            "kwikpaisa,paid-,409,REJECTED,1",
            "hyperswitch,paid-,409,REJECTED,1",
            "juspay-order,flaky-,200,CANCELLED,2",
            "juspay-payout,flaky-,202,PENDING,2",
            "kwikpaisa,flaky-,200,CANCELLED,2",
            "hyperswitch,flaky-,200,CANCELLED,2",
            "juspay-order,down-,502,ERROR,3",
            "juspay-payout,down-,502,ERROR,3",
            "kwikpaisa,down-,502,ERROR,3",
            "hyperswitch,down-,502,ERROR,3",
            "juspay-order,slow-,200,CANCELLED,1",
            "kwikpaisa,slow-,200,CANCELLED,1",
            "hyperswitch,slow-,200,CANCELLED,1" })
    void simulatorScenariosGiveTheirOutcome(String provider, String prefix, int status, String outcome,
            int attempts) {
        String reference = unique(prefix);
        cancel(request(provider, reference))
                .statusCode(status)
                .body("outcome", equalTo(outcome))
                .body("attempts", equalTo(attempts))
                .body("retryable", equalTo("ERROR".equals(outcome)));
        assertThat(simulatorCalls(provider, reference)).isEqualTo(attempts);
    }

    @Test
    void theRequestIdIsKeptWhenGivenAndGeneratedWhenNot() {
        String requestId = unique("erp-42:");
        cancel(Map.of("request_id", requestId, "provider", "kwikpaisa", "reference", unique("id")))
                .body("request_id", equalTo(requestId));
        String generated = cancel(request("kwikpaisa", unique("id"))).extract().path("request_id");
        assertThat(UUID.fromString(generated).version()).as("a time-ordered UUID").isEqualTo(7);
    }

    @Test
    void kwikPaisaCancelledAtIsIsoWithTheIndianOffset() {
        cancel(request("kwikpaisa", unique("at")))
                .statusCode(200)
                .body("cancelled_at", containsString("+05:30"));
    }

    @Test
    void missingApiKeyIsRefusedAndNothingIsProcessed() {
        String reference = unique("noauth");
        given().contentType(ContentType.JSON).body(request("hyperswitch", reference))
                .when().post("/api/v1/cancellations")
                .then().statusCode(401).contentType(ContentType.JSON)
                .header("WWW-Authenticate", "ApiKey header=\"X-Api-Key\"")
                .body("error", equalTo("unauthorized"))
                .body("detail", equalTo("the X-Api-Key header is missing"));
        given().header("X-Api-Key", "wrong").contentType(ContentType.JSON).body(request("hyperswitch", reference))
                .when().post("/api/v1/cancellations")
                .then().statusCode(401).body("error", equalTo("unauthorized"));
        assertThat(simulatorCalls("hyperswitch", reference)).isZero();
    }

    @Test
    void malformedJsonIsABadRequestWithAJsonError() {
        given().header("X-Api-Key", API_KEY).contentType(ContentType.JSON).body("{\"reference\": ")
                .when().post("/api/v1/cancellations")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("malformed_request"))
                .body("detail", startsWith("the body is not a valid cancel request"));
        given().header("X-Api-Key", API_KEY).contentType(ContentType.JSON).body("[1,2]")
                .when().post("/api/v1/cancellations")
                .then().statusCode(400).body("error", equalTo("malformed_request"));
        given().header("X-Api-Key", API_KEY).contentType(ContentType.JSON).body("{\"reference\": {\"a\": 1}}")
                .when().post("/api/v1/cancellations")
                .then().statusCode(400).body("error", equalTo("malformed_request"));
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        given().header("X-Api-Key", API_KEY).contentType(ContentType.TEXT).body("reference=1")
                .when().post("/api/v1/cancellations")
                .then().statusCode(415).contentType(ContentType.JSON)
                .body("error", equalTo("unsupported_media_type"));
        // Not echoed, and not JSON by its suffix alone.
        given().header("X-Api-Key", API_KEY).contentType("text/x-echo-me+json").body("{\"reference\":\"r\"}")
                .when().post("/api/v1/cancellations")
                .then().statusCode(415)
                .body("detail", equalTo("Content-Type must be application/json, was another type"));
    }

    @Test
    void aBodyOver64KiBIsTooLarge() {
        String padding = "x".repeat(70_000);
        given().header("X-Api-Key", API_KEY).contentType(ContentType.JSON)
                .body("{\"reference\":\"r\",\"reason\":\"" + padding + "\"}")
                .when().post("/api/v1/cancellations")
                .then().statusCode(413).contentType(ContentType.JSON)
                .body("error", equalTo("payload_too_large"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"provider\":\"kwikpaisa\"}|reference is required",
            "{\"provider\":\"paypal\",\"reference\":\"r1\"}|unknown provider 'paypal'",
            "{\"reference\":\"r1\"}|no provider for this request",
            "{\"provider\":\"hyperswitch\",\"reference\":\"../admin\"}|reference must be visible ASCII",
            "{\"provider\":\"hyperswitch\",\"reference\":\"a/b\"}|reference must be visible ASCII",
            "{\"provider\":\"juspay-payout\",\"reference\":\"ful_1\"}|customer_id is required for juspay-payout" })
    void invalidRequestsAreAnsweredWithAnInvalidResultAndNoCall(String body, String error) {
        given().header("X-Api-Key", API_KEY).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cancellations")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("outcome", equalTo("INVALID"))
                .body("attempts", equalTo(0))
                .body("http_status", nullValue())
                .body("error", startsWith(error));
    }

    @Test
    void pathParametersAreEncodedNotInterpreted() {
        String reference = unique("ord#1?x=y");
        cancel(request("hyperswitch", reference)).statusCode(200).body("outcome", equalTo("CANCELLED"));
        assertThat(simulatorCalls("hyperswitch", reference)).isEqualTo(1);
    }

    @Test
    void wrongProviderCredentialsAreAuthFailedAndNotRetried() {
        cancel(Map.of("provider", "hyperswitch", "merchant_id", "merchant-with-wrong-key",
                "reference", unique("auth")))
                .statusCode(502)
                .body("outcome", equalTo("AUTH_FAILED"))
                .body("http_status", equalTo(401))
                .body("provider_code", equalTo("IR_01"))
                .body("attempts", equalTo(1))
                .body("retryable", equalTo(false));
        cancel(Map.of("provider", "kwikpaisa", "merchant_id", "merchant-with-wrong-secret",
                "reference", unique("sig")))
                .statusCode(502)
                .body("outcome", equalTo("AUTH_FAILED"))
                .body("provider_message", equalTo("Invalid signature."));
    }

    @Test
    void inboundHeadersDoNotComeBackInTheAnswer() {
        given().header("X-Api-Key", API_KEY).header("X-Custom", "echo-me").contentType(ContentType.JSON)
                .body(request("kwikpaisa", unique("echo")))
                .when().post("/api/v1/cancellations")
                .then().statusCode(200)
                .header("X-Api-Key", nullValue())
                .header("X-Custom", nullValue());
    }

    static ValidatableResponse cancel(Object body) {
        return given().header("X-Api-Key", API_KEY).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cancellations")
                .then();
    }

    static Map<String, String> request(String provider, String reference) {
        return "juspay-payout".equals(provider)
                ? Map.of("provider", provider, "reference", reference, "customer_id", "cust_1")
                : Map.of("provider", provider, "reference", reference);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    static int simulatorCalls(String provider, String reference) {
        return given().queryParam("provider", provider).queryParam("reference", reference)
                .when().get("/simulator/calls")
                .then().statusCode(200).extract().path("calls");
    }
}

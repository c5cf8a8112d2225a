package io.cancelgateway.provider.juspay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.ProviderVerdict;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class JuspayPayoutResponseTranslatorTest {

    private static final String SCHEDULED =
            "Fulfillment is scheduled for cancelation. Please check order status for final status.";

    private final JuspayPayoutResponseTranslator translator = new JuspayPayoutResponseTranslator();

    static Stream<Arguments> answers() {
        return Stream.of(
                arguments("scheduled (also a second cancel, and a fulfillment already paid out)", 200, """
                        {"status":"Fulfillment is scheduled for cancelation. Please check order status for final status."}""",
                        Outcome.PENDING, null, null, SCHEDULED, null),
                arguments("unknown fulfillment", 404, """
                        {"error":true,"errorCode":"E09","errorMessage":"Could not find resource: Fulfillment ful-1","userMessage":"Not Found"}""",
                        Outcome.NOT_FOUND, null, "E09", "Could not find resource: Fulfillment ful-1", null),
                arguments("unknown fulfillment, wrapped", 404, """
                        {"response":{"error":true,"errorCode":"E09","errorMessage":"Could not find resource: Fulfillment ful-1","userMessage":"Not Found"},"code":404}""",
                        Outcome.NOT_FOUND, null, "E09", "Could not find resource: Fulfillment ful-1", null),
                arguments("validation error: missing x-routing-id", 400, """
                        {"error":true,"errorCode":"E01","errorMessage":"x-routing-id header is required","userMessage":"Bad Request"}""",
                        Outcome.INVALID, null, "E01", "x-routing-id header is required", null),
                arguments("invalid JWE/JWS signature", 400, """
                        {"error":true,"errorCode":"E03","errorMessage":"Invalid JWE/JWS signature","userMessage":"Bad Request"}""",
                        Outcome.AUTH_FAILED, null, "E03", "Invalid JWE/JWS signature", null),
                arguments("unauthorized", 401, """
                        {"error":true,"errorCode":"E07","errorMessage":"Invalid API key","userMessage":"Unauthorized"}""",
                        Outcome.AUTH_FAILED, null, "E07", "Invalid API key", null),
                arguments("forbidden", 403, """
                        {"error":true,"errorCode":"E08","errorMessage":"Forbidden","userMessage":"Forbidden"}""",
                        Outcome.AUTH_FAILED, null, "E08", "Forbidden", null),
                arguments("something went wrong", 500, """
                        {"error":true,"errorCode":"E90","errorMessage":"Something went wrong","userMessage":"Internal Server Error"}""",
                        Outcome.ERROR, null, "E90", "Something went wrong", null),
                arguments("temporarily unavailable", 503, """
                        {"error":true,"errorCode":"E90","errorMessage":"Service temporarily unavailable","userMessage":"Service Unavailable"}""",
                        Outcome.ERROR, null, "E90", "Service temporarily unavailable", null),
                arguments("missing merchant header", 400, """
                        {"error":true,"errorCode":"E01","errorMessage":"x-merchantid header is required","userMessage":"Bad Request"}""",
                        Outcome.INVALID, null, "E01", "x-merchantid header is required", null),
                arguments("wrapped error on a 401", 401, """
                        {"response":{"error":true,"errorCode":"E07","errorMessage":"Unauthorized","userMessage":"Unauthorized"},"code":401}""",
                        Outcome.AUTH_FAILED, null, "E07", "Unauthorized", null),
                arguments("user message when there is no error message", 404, """
                        {"error":true,"errorCode":"E09","userMessage":"Not Found"}""",
                        Outcome.NOT_FOUND, null, "E09", "Not Found", null),
                // An error in a 2xx is the error it says, not a scheduled cancel.
                arguments("unknown fulfillment, wrapped, with a 200", 200, """
                        {"response":{"error":true,"errorCode":"E09","errorMessage":"Could not find resource: Fulfillment ful-1","userMessage":"Not Found"},"code":404}""",
                        Outcome.NOT_FOUND, null, "E09", "Could not find resource: Fulfillment ful-1", null),
                arguments("unknown fulfillment with a 200", 200, """
                        {"error":true,"errorCode":"E09","errorMessage":"Could not find resource: Fulfillment ful-1"}""",
                        Outcome.NOT_FOUND, null, "E09", "Could not find resource: Fulfillment ful-1", null),
                arguments("server error wrapped in a 200", 200, """
                        {"response":{"error":true,"errorCode":"E90","errorMessage":"Something went wrong"},"code":500}""",
                        Outcome.ERROR, null, "E90", "Something went wrong", null),
                arguments("unknown code wrapped in a 200, its status as text", 200, """
                        {"response":{"error":true,"errorCode":"E42","errorMessage":"Something new"},"code":"400"}""",
                        Outcome.INVALID, null, "E42", "Something new", null),
                arguments("server error in a 200, not wrapped: its code's status", 200, """
                        {"error":true,"errorCode":"E90","errorMessage":"Something went wrong"}""",
                        Outcome.ERROR, null, "E90", "Something went wrong", null),
                arguments("throttled, wrapped in a 200", 200, """
                        {"response":{"error":true,"errorCode":"E29","errorMessage":"Too many requests"},"code":429}""",
                        Outcome.ERROR, null, "E29", "Too many requests", null),
                arguments("unauthorized in a 200", 200, """
                        {"error":true,"errorCode":"E07","errorMessage":"Invalid API key"}""",
                        Outcome.AUTH_FAILED, null, "E07", "Invalid API key", null),
                arguments("invalid signature in a 200", 200, """
                        {"error":true,"errorCode":"E03","errorMessage":"Invalid JWE/JWS signature"}""",
                        Outcome.AUTH_FAILED, null, "E03", "Invalid JWE/JWS signature", null),
                arguments("validation error in a 200", 200, """
                        {"error":true,"errorCode":"E01","errorMessage":"x-routing-id header is required"}""",
                        Outcome.INVALID, null, "E01", "x-routing-id header is required", null),
                arguments("unknown code in a 200, without a status", 200, """
                        {"error":true,"errorCode":"E42","errorMessage":"Something new"}""",
                        Outcome.ERROR, null, "E42", "Something new", null),
                arguments("an error in a 200 with neither code nor status", 200, """
                        {"error":true,"errorMessage":"Something odd"}""",
                        Outcome.ERROR, null, null, "Something odd", null),
                arguments("scheduled, with an error flag that is false", 200, """
                        {"status":"Fulfillment is scheduled for cancelation. Please check order status for final status.","error":false}""",
                        Outcome.PENDING, null, null, SCHEDULED, null),
                arguments("2xx with unknown fields", 200, """
                        {"status":"Fulfillment is scheduled for cancelation. Please check order status for final status.","fulfillmentId":"ful-1","extra":{"x":1}}""",
                        Outcome.PENDING, null, null, SCHEDULED, null),
                arguments("2xx with an empty body", 200, "", Outcome.PENDING, null, null, null, null),
                arguments("2xx with an HTML body", 200, "<html><body>OK</body></html>",
                        Outcome.PENDING, null, null, null, null),
                // Without Juspay's E09 a 404 may be a proxy's or a wrong base URL's: no answer about the fulfillment.
                arguments("error with an empty body", 404, "", Outcome.ERROR, null, null, null, null),
                arguments("gateway HTML page", 502, "<html><head><title>502 Bad Gateway</title></head></html>",
                        Outcome.ERROR, null, null, null, null),
                arguments("unavailable, no body", 503, "", Outcome.ERROR, null, null, null, null),
                arguments("server error carrying a client error code is still an error", 503, """
                        {"error":true,"errorCode":"E09","errorMessage":"Upstream lookup failed"}""",
                        Outcome.ERROR, null, "E09", "Upstream lookup failed", null),
                arguments("rate limited", 429, """
                        {"error":true,"errorCode":"E29","errorMessage":"Too many requests"}""",
                        Outcome.ERROR, null, "E29", "Too many requests", null),
                arguments("unknown error code falls back on the HTTP status", 400, """
                        {"error":true,"errorCode":"E42","errorMessage":"Something new"}""",
                        Outcome.INVALID, null, "E42", "Something new", null),
                arguments("unknown HTTP status", 418, """
                        {"error":true,"errorMessage":"I'm a teapot"}""",
                        Outcome.ERROR, null, null, "I'm a teapot", null),
                arguments("values of unexpected types", 404, """
                        {"error":"yes","errorCode":9,"errorMessage":{"text":"x"},"response":"E09"}""",
                        Outcome.ERROR, null, "9", null, null),
                arguments("JSON that is not an object", 401, "[\"E07\"]", Outcome.AUTH_FAILED, null, null, null, null),
                arguments("null body", 500, null, Outcome.ERROR, null, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void translatesEveryDocumentedAnswer(String answer, int httpStatus, String body, Outcome outcome,
            String providerStatus, String providerCode, String providerMessage, String cancelledAt) {
        assertThat(translator.translate(httpStatus, body))
                .isEqualTo(new ProviderVerdict(outcome, providerStatus, providerCode, providerMessage, cancelledAt));
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '|', value = {
            "200 | {\"response\":{\"error\":true,\"errorCode\":\"E90\"},\"code\":503} | 503",
            "200 | {\"response\":{\"error\":true,\"errorCode\":\"E09\"},\"code\":\"404\"} | 404",
            "201 | {\"error\":true,\"errorCode\":\"E90\",\"code\":500} | 500",
            "200 | {\"error\":true,\"errorCode\":\"E09\"} | 404",
            "200 | {\"error\":true,\"errorCode\":\"E90\"} | 500",
            "200 | {\"error\":true,\"errorCode\":\"E07\"} | 401",
            "200 | {\"response\":{\"error\":true,\"errorCode\":\"E08\"},\"code\":200} | 403",
            "200 | {\"error\":true,\"errorCode\":\"E42\"} | 200",
            "200 | {\"response\":{\"error\":false},\"code\":503} | 200",
            "200 | {\"status\":\"Fulfillment is scheduled.\",\"code\":503} | 200",
            "200 | {\"response\":{\"error\":true},\"code\":700} | 200",
            "200 | {\"response\":{\"error\":true},\"code\":204} | 200",
            "200 | <html>maintenance</html> | 200",
            "503 | {\"response\":{\"error\":true},\"code\":200} | 503",
            "404 | {\"response\":{\"error\":true},\"code\":500} | 404",
    })
    void aSuccessfulAnswerStatesTheErrorItsWrapperCarries(int httpStatus, String body, int stated) {
        // Retries and lost answers go by the stated status: a server error or throttling in a 2xx is retried too.
        assertThat(JuspayPayoutResponseTranslator.statedStatus(httpStatus, body)).isEqualTo(stated);
    }

    static Stream<Arguments> malformed() {
        String[] bodies = { null, "", " ", "{", "}", "null", "\"text\"", "12", "{\"response\":null}",
                "{\"response\":{\"errorCode\":null}}", "{\"response\":[1]}", "\u0000\u0001", "<!doctype html>" };
        int[] statuses = { 0, 100, 200, 204, 302, 400, 401, 404, 409, 429, 500, 599, 999, -1 };
        return Stream.of(bodies).flatMap(body -> Arrays.stream(statuses).mapToObj(status -> arguments(status, body)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformed")
    void neverThrows(int httpStatus, String body) {
        assertThatCode(() -> assertThat(translator.translate(httpStatus, body).outcome()).isNotNull())
                .doesNotThrowAnyException();
    }
}

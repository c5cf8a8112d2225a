package io.cancelgateway.provider.hyperswitch;

import static io.cancelgateway.model.Outcome.ALREADY_CANCELLED;
import static io.cancelgateway.model.Outcome.AUTH_FAILED;
import static io.cancelgateway.model.Outcome.CANCELLED;
import static io.cancelgateway.model.Outcome.ERROR;
import static io.cancelgateway.model.Outcome.INVALID;
import static io.cancelgateway.model.Outcome.NOT_FOUND;
import static io.cancelgateway.model.Outcome.PENDING;
import static io.cancelgateway.model.Outcome.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.ProviderVerdict;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HyperswitchResponseTranslatorTest {

    private static final String IR_16_CANCELLED = "You cannot cancel this payment because it has status cancelled";
    private static final String IR_16_SUCCEEDED = "You cannot cancel this payment because it has status succeeded";
    private static final String NOT_FOUND_MESSAGE = "Payment does not exist in our records";
    private static final String BAD_KEY = "API key not provided or invalid API key used";

    private final HyperswitchResponseTranslator translator = new HyperswitchResponseTranslator();

    static Stream<Arguments> answers() {
        return Stream.of(
                arguments("200 cancelled payment object", 200,
                        "{\"payment_id\":\"pay_1\",\"merchant_id\":\"merchant_1\",\"status\":\"cancelled\","
                                + "\"amount\":6540,\"currency\":\"USD\",\"cancellation_reason\":\"requested_by_customer\","
                                + "\"connector\":\"stripe_test\",\"error_code\":null,\"error_message\":null,"
                                + "\"created\":\"2026-05-13T03:40:12Z\",\"modified_at\":\"2026-05-13T03:44:00Z\","
                                + "\"amount_capturable\":0,\"metadata\":{\"a\":[1]},\"customer\":null,\"new_field\":true}",
                        CANCELLED, "cancelled", null, null, "2026-05-13T03:44:00Z"),
                arguments("200 cancelled with only updated", 200, payment("cancelled", "\"updated\":\"2026-05-13T03:45:00Z\""),
                        CANCELLED, "cancelled", null, null, "2026-05-13T03:45:00Z"),
                arguments("200 cancelled prefers modified_at over updated", 200,
                        payment("cancelled", "\"updated\":\"2026-05-13T03:45:00Z\",\"modified_at\":\"2026-05-13T03:44:00Z\""),
                        CANCELLED, "cancelled", null, null, "2026-05-13T03:44:00Z"),
                arguments("200 cancelled with a time without offset (UTC)", 200,
                        payment("cancelled", "\"modified_at\":\"2026-05-13T03:44:00.123\""),
                        CANCELLED, "cancelled", null, null, "2026-05-13T03:44:00.123Z"),
                arguments("200 cancelled with a non-UTC offset", 200,
                        payment("cancelled", "\"modified_at\":\"2026-05-13T09:14:00+05:30\""),
                        CANCELLED, "cancelled", null, null, "2026-05-13T09:14:00+05:30"),
                arguments("200 cancelled with a bad date", 200, payment("cancelled", "\"modified_at\":\"yesterday\""),
                        CANCELLED, "cancelled", null, null, null),
                arguments("200 cancelled without a date", 200, payment("cancelled", "\"modified_at\":null"),
                        CANCELLED, "cancelled", null, null, null),
                arguments("200 cancelled_post_capture", 200,
                        payment("cancelled_post_capture", "\"modified_at\":\"2026-05-13T03:44:00Z\""),
                        CANCELLED, "cancelled_post_capture", null, null, "2026-05-13T03:44:00Z"),
                arguments("200 processing (void not yet confirmed)", 200,
                        payment("processing", "\"modified_at\":\"2026-05-13T03:44:00Z\""),
                        PENDING, "processing", null, null, null),
                arguments("200 other known status", 200, payment("requires_capture", "\"modified_at\":null"),
                        PENDING, "requires_capture", null, null, null),
                arguments("200 unknown status", 200, payment("voided_somewhere_else", "\"modified_at\":null"),
                        PENDING, "voided_somewhere_else", null, null, null),
                arguments("200 failed with the connector's error", 200,
                        "{\"payment_id\":\"pay_1\",\"status\":\"failed\",\"error_code\":\"card_declined\","
                                + "\"error_message\":\"Void failed\"}",
                        PENDING, "failed", "card_declined", "Void failed", null),
                arguments("400 IR_16 already cancelled", 400, nested("invalid_request", IR_16_CANCELLED, "IR_16"),
                        ALREADY_CANCELLED, "cancelled", "IR_16", IR_16_CANCELLED, null),
                arguments("400 IR_16 succeeded (paid)", 400, nested("invalid_request", IR_16_SUCCEEDED, "IR_16"),
                        REJECTED, "succeeded", "IR_16", IR_16_SUCCEEDED, null),
                arguments("400 IR_16 failed", 400,
                        nested("invalid_request", "You cannot cancel this payment because it has status failed", "IR_16"),
                        REJECTED, "failed", "IR_16", "You cannot cancel this payment because it has status failed", null),
                arguments("400 IR_16 processing", 400,
                        nested("invalid_request", "You cannot cancel this payment because it has status processing",
                                "IR_16"),
                        REJECTED, "processing", "IR_16",
                        "You cannot cancel this payment because it has status processing", null),
                arguments("400 IR_16 cancelled_post_capture", 400,
                        nested("invalid_request",
                                "You cannot cancel this payment because it has status cancelled_post_capture", "IR_16"),
                        ALREADY_CANCELLED, "cancelled_post_capture", "IR_16",
                        "You cannot cancel this payment because it has status cancelled_post_capture", null),
                arguments("400 IR_16 without a status word", 400,
                        nested("invalid_request", "You cannot cancel this payment", "IR_16"),
                        REJECTED, null, "IR_16", "You cannot cancel this payment", null),
                arguments("400 IR_16 flat form, cancelled", 400, flat("invalid_request", IR_16_CANCELLED, "IR_16"),
                        ALREADY_CANCELLED, "cancelled", "IR_16", IR_16_CANCELLED, null),
                arguments("400 IR_16 flat form, succeeded", 400, flat("invalid_request", IR_16_SUCCEEDED, "IR_16"),
                        REJECTED, "succeeded", "IR_16", IR_16_SUCCEEDED, null),
                arguments("404 HE_02 not found", 404, nested("invalid_request", NOT_FOUND_MESSAGE, "HE_02"),
                        NOT_FOUND, null, "HE_02", NOT_FOUND_MESSAGE, null),
                arguments("404 HE_02 flat form", 404, flat("invalid_request", NOT_FOUND_MESSAGE, "HE_02"),
                        NOT_FOUND, null, "HE_02", NOT_FOUND_MESSAGE, null),
                arguments("401 IR_01 bad key", 401, nested("invalid_request", BAD_KEY, "IR_01"),
                        AUTH_FAILED, null, "IR_01", BAD_KEY, null),
                arguments("401 IR_01 flat form", 401, flat("invalid_request", BAD_KEY, "IR_01"),
                        AUTH_FAILED, null, "IR_01", BAD_KEY, null),
                arguments("400 IR_04 missing parameter", 400,
                        nested("invalid_request", "Missing required param: payment_id", "IR_04"),
                        INVALID, null, "IR_04", "Missing required param: payment_id", null),
                arguments("400 IR_06 deserialisation error", 400,
                        nested("invalid_request", "Json deserialize error: expected value at line 1 column 1", "IR_06"),
                        INVALID, null, "IR_06", "Json deserialize error: expected value at line 1 column 1", null),
                arguments("400 IR_14 unexpected state", 400,
                        nested("invalid_request", "This Payment could not be cancel because it has a status of failed",
                                "IR_14"),
                        REJECTED, null, "IR_14", "This Payment could not be cancel because it has a status of failed",
                        null),
                arguments("500 HE_00 down", 500, nested("api", "Something went wrong", "HE_00"),
                        ERROR, null, "HE_00", "Something went wrong", null),
                arguments("503 HE_00 flaky", 503, nested("api", "Something went wrong", "HE_00"),
                        ERROR, null, "HE_00", "Something went wrong", null),
                arguments("502 HTML from a proxy", 502, "<html><body><h1>502 Bad Gateway</h1></body></html>",
                        ERROR, null, null, null, null),
                arguments("503 empty body", 503, "", ERROR, null, null, null, null),
                arguments("429 rate limited", 429,
                        nested("rate_limit", "Too many requests", "RE_00"),
                        ERROR, null, "RE_00", "Too many requests", null),
                arguments("429 empty body", 429, "", ERROR, null, null, null, null),
                arguments("400 unknown code", 400, nested("invalid_request", "Something new", "IR_99"),
                        INVALID, null, "IR_99", "Something new", null),
                arguments("409 unknown code", 409, nested("invalid_request", "Duplicate", "HE_01"),
                        REJECTED, null, "HE_01", "Duplicate", null),
                arguments("400 error with unknown fields", 400,
                        "{\"error\":{\"type\":\"invalid_request\",\"message\":\"" + IR_16_CANCELLED
                                + "\",\"code\":\"IR_16\",\"reason\":null,\"extra\":{\"a\":1}},\"trace\":\"t\"}",
                        ALREADY_CANCELLED, "cancelled", "IR_16", IR_16_CANCELLED, null),
                arguments("400 error as a plain string", 400, "{\"error\":\"bad request\"}",
                        INVALID, null, null, null, null),
                // Without Hyperswitch's HE_02 a 404 may be a proxy's or a wrong base URL's: no answer about the payment.
                arguments("404 fields of unexpected types", 404, "{\"error\":{\"code\":[1],\"message\":{\"a\":1}}}",
                        ERROR, null, null, null, null),
                arguments("404 empty body", 404, "", ERROR, null, null, null, null),
                arguments("200 HTML", 200, "<!DOCTYPE html><html><body>Maintenance</body></html>",
                        PENDING, null, null, null, null),
                arguments("200 empty body", 200, "", PENDING, null, null, null, null),
                arguments("200 null body", 200, null, PENDING, null, null, null, null),
                arguments("401 empty body", 401, "", AUTH_FAILED, null, null, null, null),
                arguments("truncated JSON", 400, "{\"error\":{\"code\":\"IR_16\",\"message\":\"You cannot",
                        INVALID, null, null, null, null),
                arguments("418 unknown HTTP status", 418, "{}", ERROR, null, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void translates(String answer, int status, String body, Outcome outcome, String providerStatus, String code,
            String message, String cancelledAt) {
        assertThat(translator.translate(status, body))
                .isEqualTo(new ProviderVerdict(outcome, providerStatus, code, message, cancelledAt));
    }

    private static String payment(String status, String timeFields) {
        return "{\"payment_id\":\"pay_1\",\"status\":\"" + status + "\",\"error_code\":null,\"error_message\":null,"
                + timeFields + "}";
    }

    private static String nested(String type, String message, String code) {
        return "{\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\",\"code\":\"" + code + "\"}}";
    }

    private static String flat(String type, String message, String code) {
        return "{\"error_type\":\"" + type + "\",\"message\":\"" + message + "\",\"code\":\"" + code + "\"}";
    }
}

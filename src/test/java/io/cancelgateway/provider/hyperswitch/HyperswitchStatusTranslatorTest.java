package io.cancelgateway.provider.hyperswitch;

import static io.cancelgateway.model.Outcome.AUTH_FAILED;
import static io.cancelgateway.model.Outcome.CANCELLED;
import static io.cancelgateway.model.Outcome.ERROR;
import static io.cancelgateway.model.Outcome.INVALID;
import static io.cancelgateway.model.Outcome.NOT_FOUND;
import static io.cancelgateway.model.Outcome.PENDING;
import static io.cancelgateway.model.Outcome.REJECTED;
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

class HyperswitchStatusTranslatorTest {

    private static final String NOT_FOUND_MESSAGE = "Payment does not exist in our records";
    private static final String BAD_KEY = "API key not provided or invalid API key used";
    private static final String MODIFIED = "\"modified_at\":\"2026-05-13T03:44:00Z\"";

    private final HyperswitchStatusTranslator translator = new HyperswitchStatusTranslator();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "cancelled, CANCELLED",
            "cancelled_post_capture, CANCELLED",
            "CANCELLED, CANCELLED",
            "succeeded, REJECTED",
            "failed, REJECTED",
            "partially_captured, REJECTED",
            "expired, REJECTED",
            "Succeeded, REJECTED",
            "processing, PENDING",
            "requires_customer_action, PENDING",
            "requires_merchant_action, PENDING",
            "requires_payment_method, PENDING",
            "requires_confirmation, PENDING",
            "requires_capture, PENDING",
            "partially_captured_and_capturable, PENDING",
            "partially_authorized_and_requires_capture, PENDING",
            "partially_captured_and_processing, PENDING",
            "conflicted, PENDING",
            "pending, PENDING",
            "voided_somewhere_else, PENDING",
            "'', ERROR",
            "' ', ERROR"
    })
    void readsEveryIntentStatus(String status, Outcome outcome) {
        assertThat(translator.translate(200, payment(status, MODIFIED)))
                .isEqualTo(new ProviderVerdict(outcome, status, null, null,
                        outcome == CANCELLED ? "2026-05-13T03:44:00Z" : null));
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                arguments("payment object with every field", 200,
                        "{\"payment_id\":\"pay_1\",\"merchant_id\":\"merchant_1\",\"status\":\"cancelled\","
                                + "\"amount\":6540,\"currency\":\"USD\","
                                + "\"cancellation_reason\":\"requested_by_customer\","
                                + "\"connector\":\"stripe_test\",\"error_code\":null,\"error_message\":null,"
                                + "\"created\":\"2026-05-13T03:40:12Z\",\"modified_at\":\"2026-05-13T03:44:00Z\","
                                + "\"amount_capturable\":0,\"metadata\":{\"a\":[1]},\"new_field\":true}",
                        CANCELLED, "cancelled", null, null, "2026-05-13T03:44:00Z"),
                arguments("cancelled with only updated", 200,
                        payment("cancelled", "\"updated\":\"2026-05-13T03:45:00Z\""),
                        CANCELLED, "cancelled", null, null, "2026-05-13T03:45:00Z"),
                arguments("cancelled prefers modified_at over updated", 200,
                        payment("cancelled", "\"updated\":\"2026-05-13T03:45:00Z\"," + MODIFIED),
                        CANCELLED, "cancelled", null, null, "2026-05-13T03:44:00Z"),
                arguments("cancelled with a time without offset (UTC)", 200,
                        payment("cancelled", "\"modified_at\":\"2026-05-13T03:44:00.123\""),
                        CANCELLED, "cancelled", null, null, "2026-05-13T03:44:00.123Z"),
                arguments("cancelled with a bad date", 200, payment("cancelled", "\"modified_at\":\"yesterday\""),
                        CANCELLED, "cancelled", null, null, null),
                arguments("cancelled without a date", 200, payment("cancelled", "\"modified_at\":null"),
                        CANCELLED, "cancelled", null, null, null),
                arguments("failed with the connector's error", 200,
                        "{\"payment_id\":\"pay_1\",\"status\":\"failed\",\"error_code\":\"card_declined\","
                                + "\"error_message\":\"Card declined\"," + MODIFIED + "}",
                        REJECTED, "failed", "card_declined", "Card declined", null),
                arguments("payment object without a status", 200, "{\"payment_id\":\"pay_1\"," + MODIFIED + "}",
                        ERROR, null, null, null, null),
                arguments("status of an unexpected type", 200, "{\"payment_id\":\"pay_1\",\"status\":{\"a\":1}}",
                        ERROR, null, null, null, null),
                arguments("empty body", 200, "", ERROR, null, null, null, null),
                arguments("null body", 200, null, ERROR, null, null, null, null),
                arguments("HTML body", 200, "<!DOCTYPE html><html><body>Maintenance</body></html>",
                        ERROR, null, null, null, null),
                arguments("404 HE_02 not found", 404, nested("invalid_request", NOT_FOUND_MESSAGE, "HE_02"),
                        NOT_FOUND, null, "HE_02", NOT_FOUND_MESSAGE, null),
                arguments("404 HE_02 flat form", 404, flat("invalid_request", NOT_FOUND_MESSAGE, "HE_02"),
                        NOT_FOUND, null, "HE_02", NOT_FOUND_MESSAGE, null),
                // A 404 without Hyperswitch's own not-found code may be a proxy's: the check failed, following goes on.
                arguments("404 with an unknown IR code", 404, nested("invalid_request", "Not found", "IR_99"),
                        ERROR, null, "IR_99", "Not found", null),
                arguments("404 empty body", 404, "", ERROR, null, null, null, null),
                arguments("401 IR_01 bad key", 401, nested("invalid_request", BAD_KEY, "IR_01"),
                        AUTH_FAILED, null, "IR_01", BAD_KEY, null),
                arguments("401 IR_01 flat form", 401, flat("invalid_request", BAD_KEY, "IR_01"),
                        AUTH_FAILED, null, "IR_01", BAD_KEY, null),
                arguments("403 empty body", 403, "", AUTH_FAILED, null, null, null, null),
                arguments("400 IR_04 missing parameter", 400,
                        nested("invalid_request", "Missing required param: payment_id", "IR_04"),
                        INVALID, null, "IR_04", "Missing required param: payment_id", null),
                arguments("400 IR_06", 400, nested("invalid_request", "Json deserialize error", "IR_06"),
                        INVALID, null, "IR_06", "Json deserialize error", null),
                arguments("a cancel's IR_16 is not a state of the payment here", 400,
                        nested("invalid_request", "You cannot cancel this payment because it has status succeeded",
                                "IR_16"),
                        INVALID, null, "IR_16", "You cannot cancel this payment because it has status succeeded",
                        null),
                arguments("409 says nothing about the payment", 409, nested("invalid_request", "Duplicate", "HE_01"),
                        ERROR, null, "HE_01", "Duplicate", null),
                arguments("500 HE_00", 500, nested("api", "Something went wrong", "HE_00"),
                        ERROR, null, "HE_00", "Something went wrong", null),
                arguments("503 HE_00", 503, nested("api", "Something went wrong", "HE_00"),
                        ERROR, null, "HE_00", "Something went wrong", null),
                arguments("503 with a not-found code is still an error", 503,
                        nested("invalid_request", NOT_FOUND_MESSAGE, "HE_02"),
                        ERROR, null, "HE_02", NOT_FOUND_MESSAGE, null),
                arguments("502 HTML from a proxy", 502, "<html><body><h1>502 Bad Gateway</h1></body></html>",
                        ERROR, null, null, null, null),
                arguments("429 rate limited", 429, nested("rate_limit", "Too many requests", "RE_00"),
                        ERROR, null, "RE_00", "Too many requests", null),
                arguments("truncated JSON", 400, "{\"error\":{\"code\":\"IR_01\",\"message\":\"API key",
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

    static Stream<Arguments> malformed() {
        String[] bodies = { null, "", " ", "{", "}", "null", "\"text\"", "12", "{\"status\":null}",
                "{\"status\":[]}", "{\"error\":null}", "{\"error\":[1]}", "\u0000\u0001", "<!doctype html>" };
        int[] statuses = { 0, 100, 200, 204, 302, 400, 401, 404, 409, 429, 500, 599, 999, -1 };
        return Stream.of(bodies).flatMap(body -> Arrays.stream(statuses).mapToObj(status -> arguments(status, body)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformed")
    void neverThrows(int httpStatus, String body) {
        assertThatCode(() -> assertThat(translator.translate(httpStatus, body).outcome()).isNotNull())
                .doesNotThrowAnyException();
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

package io.cancelgateway.provider.kwikpaisa;

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
import io.cancelgateway.provider.CallKind;
import io.cancelgateway.provider.ProviderVerdict;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class KwikPaisaResponseTranslatorTest {

    private static final String CANCELLED_BODY = "{\"code\":\"200\",\"status\":\"success\","
            + "\"message\":\"Order cancelled successfully.\",\"return_data\":{\"order_id\":\"6116229263036\","
            + "\"order_status\":\"CANCELLED\",\"cancelled_at\":\"13-05-2026 09:14 AM\"}}";
    private static final String CANCELLED_MESSAGE = "Order cancelled successfully.";
    private static final String CANCELLED_AT = "2026-05-13T09:14:00+05:30";

    private final KwikPaisaResponseTranslator translator = new KwikPaisaResponseTranslator(ZoneId.of("Asia/Kolkata"));

    static Stream<Arguments> answers() {
        return Stream.of(
                arguments("200 cancelled, string order id", 200, CANCELLED_BODY,
                        CANCELLED, "CANCELLED", "200", CANCELLED_MESSAGE, CANCELLED_AT),
                arguments("200 cancelled, numeric order id (providers.md sample)", 200,
                        "{\"code\":\"200\",\"status\":\"success\",\"message\":\"Order cancelled successfully.\","
                                + "\"return_data\":{\"order_id\":6116229263036,\"order_status\":\"CANCELLED\","
                                + "\"cancelled_at\":\"13-05-2026 09:14 AM\"}}",
                        CANCELLED, "CANCELLED", "200", CANCELLED_MESSAGE, CANCELLED_AT),
                arguments("200 cancelled in the afternoon, lowercase pm", 200, successBody("CANCELLED", "\"13-05-2026 09:14 pm\""),
                        CANCELLED, "CANCELLED", "200", CANCELLED_MESSAGE, "2026-05-13T21:14:00+05:30"),
                arguments("200 cancelled at 12 AM is midnight", 200, successBody("CANCELLED", "\"13-05-2026 12:05 AM\""),
                        CANCELLED, "CANCELLED", "200", CANCELLED_MESSAGE, "2026-05-13T00:05:00+05:30"),
                arguments("200 with unknown fields", 200,
                        "{\"code\":\"200\",\"status\":\"success\",\"message\":\"Order cancelled successfully.\","
                                + "\"trace\":{\"id\":[1,2]},\"return_data\":{\"order_id\":\"1\",\"order_amount\":\"10.00\","
                                + "\"order_status\":\"CANCELLED\",\"cancelled_at\":\"13-05-2026 09:14 AM\",\"x\":null}}",
                        CANCELLED, "CANCELLED", "200", CANCELLED_MESSAGE, CANCELLED_AT),
                arguments("200 cancelled with an impossible date", 200, successBody("CANCELLED", "\"31-02-2026 09:14 AM\""),
                        CANCELLED, "CANCELLED", "200", CANCELLED_MESSAGE, null),
                arguments("200 cancelled with a date in another format", 200,
                        successBody("CANCELLED", "\"2026-05-13T09:14:00\""),
                        CANCELLED, "CANCELLED", "200", CANCELLED_MESSAGE, null),
                arguments("200 cancelled with a 24-hour time", 200, successBody("CANCELLED", "\"13-05-2026 21:14 PM\""),
                        CANCELLED, "CANCELLED", "200", CANCELLED_MESSAGE, null),
                arguments("200 cancelled with a numeric date", 200, successBody("CANCELLED", "1778659835"),
                        CANCELLED, "CANCELLED", "200", CANCELLED_MESSAGE, null),
                arguments("200 cancelled without a date", 200, successBody("CANCELLED", "null"),
                        CANCELLED, "CANCELLED", "200", CANCELLED_MESSAGE, null),
                arguments("200 order still processing", 200, successBody("PROCESSING", "null"),
                        PENDING, "PROCESSING", "200", CANCELLED_MESSAGE, null),
                arguments("200 unknown order status", 200, successBody("ON_HOLD", "\"13-05-2026 09:14 AM\""),
                        PENDING, "ON_HOLD", "200", CANCELLED_MESSAGE, null),
                arguments("200 error envelope is read as its code", 200,
                        "{\"status\":false,\"code\":404,\"message\":\"Order not found.\"}",
                        NOT_FOUND, null, "404", "Order not found.", null),
                arguments("409 already cancelled", 409,
                        "{\"status\":false,\"code\":409,\"message\":\"Order is already cancelled.\"}",
                        ALREADY_CANCELLED, null, "409", "Order is already cancelled.", null),
                arguments("409 not cancellable (paid)", 409,
                        "{\"status\":false,\"code\":409,\"message\":\"Permission denied: order status is PAID.\"}",
                        REJECTED, "PAID", "409", "Permission denied: order status is PAID.", null),
                arguments("409 permission denied without a status", 409,
                        "{\"status\":false,\"code\":409,\"message\":\"Permission denied\"}",
                        REJECTED, null, "409", "Permission denied", null),
                arguments("404 order not found", 404, "{\"status\":false,\"code\":404,\"message\":\"Order not found.\"}",
                        NOT_FOUND, null, "404", "Order not found.", null),
                arguments("401 invalid signature", 401,
                        "{\"status\":false,\"code\":401,\"message\":\"Invalid signature.\"}",
                        AUTH_FAILED, null, "401", "Invalid signature.", null),
                arguments("401 invalid API key", 401, "{\"status\":false,\"code\":401,\"message\":\"Invalid API key.\"}",
                        AUTH_FAILED, null, "401", "Invalid API key.", null),
                arguments("401 timestamp expired", 401,
                        "{\"status\":false,\"code\":401,\"message\":\"Request timestamp expired.\"}",
                        AUTH_FAILED, null, "401", "Request timestamp expired.", null),
                arguments("403 access denied", 403, "{\"status\":false,\"code\":403,\"message\":\"Access denied.\"}",
                        AUTH_FAILED, null, "403", "Access denied.", null),
                arguments("400 invalid payload", 400, "{\"status\":false,\"code\":400,\"message\":\"Invalid payload.\"}",
                        INVALID, null, "400", "Invalid payload.", null),
                arguments("422 business validation", 422,
                        "{\"status\":false,\"code\":422,\"message\":\"The order id field is required.\"}",
                        INVALID, null, "422", "The order id field is required.", null),
                arguments("422 stating already cancelled", 422,
                        "{\"status\":false,\"code\":422,\"message\":\"Order is already cancelled.\"}",
                        ALREADY_CANCELLED, null, "422", "Order is already cancelled.", null),
                arguments("429 rate limited", 429, "{\"status\":false,\"code\":429,\"message\":\"Too many requests.\"}",
                        ERROR, null, "429", "Too many requests.", null),
                arguments("500 server error", 500,
                        "{\"status\":false,\"code\":500,\"message\":\"Internal server error.\"}",
                        ERROR, null, "500", "Internal server error.", null),
                arguments("503 unavailable", 503, "{\"status\":false,\"code\":503,\"message\":\"Service unavailable.\"}",
                        ERROR, null, "503", "Service unavailable.", null),
                arguments("502 HTML from a proxy", 502, "<html><body><h1>502 Bad Gateway</h1></body></html>",
                        ERROR, null, null, null, null),
                arguments("200 HTML", 200, "<!DOCTYPE html><html><body>Maintenance</body></html>",
                        PENDING, null, null, null, null),
                arguments("200 empty body", 200, "", PENDING, null, null, null, null),
                arguments("200 null body", 200, null, PENDING, null, null, null, null),
                arguments("401 empty body", 401, "", AUTH_FAILED, null, null, null, null),
                arguments("503 empty body", 503, "   ", ERROR, null, null, null, null),
                // Without KwikPaisa's error body a 404 may be a proxy's or a wrong base URL's.
                arguments("404 JSON array", 404, "[1,2]", ERROR, null, null, null, null),
                arguments("404 HTML", 404, "<html>Not Found</html>", ERROR, null, null, null, null),
                arguments("500 JSON scalar", 500, "\"oops\"", ERROR, null, null, null, null),
                arguments("409 fields of unexpected types", 409,
                        "{\"status\":\"no\",\"code\":{\"n\":409},\"message\":[\"x\"],\"return_data\":\"none\"}",
                        REJECTED, null, null, null, null),
                arguments("418 unknown HTTP status", 418, "{\"status\":false,\"code\":418,\"message\":\"Teapot.\"}",
                        ERROR, null, "418", "Teapot.", null),
                arguments("truncated JSON", 200, "{\"code\":\"200\",\"return_data\":{\"order_status\":\"CANCEL",
                        PENDING, null, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void translates(String answer, int status, String body, Outcome outcome, String providerStatus, String code,
            String message, String cancelledAt) {
        assertThat(translator.translate(status, body))
                .isEqualTo(new ProviderVerdict(outcome, providerStatus, code, message, cancelledAt));
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '|', value = {
            "200 | {\"status\":false,\"code\":503,\"message\":\"Try later.\"} | 503",
            "200 | {\"status\":false,\"code\":\"429\",\"message\":\"Too many requests.\"} | 429",
            "200 | {\"status\":false,\"code\":409,\"message\":\"Permission denied.\"} | 409",
            "201 | {\"status\":false,\"code\":500} | 500",
            "200 | {\"code\":\"200\",\"status\":\"success\",\"return_data\":{\"order_status\":\"CANCELLED\"}} | 200",
            "200 | {\"status\":true,\"code\":503} | 200",
            "200 | {\"status\":false,\"code\":\"E503\"} | 200",
            "200 | {\"status\":false,\"code\":700} | 200",
            "200 | <html>maintenance</html> | 200",
            "503 | {\"status\":false,\"code\":200} | 503",
            "404 | {\"status\":false,\"code\":404} | 404",
    })
    void aSuccessfulAnswerStatesTheErrorItsEnvelopeCarries(int httpStatus, String body, int stated) {
        // Retries and lost answers go by the stated status: a server error or throttling in a 2xx is retried too.
        assertThat(KwikPaisaResponseTranslator.statedStatus(CallKind.CANCEL, httpStatus, body)).isEqualTo(stated);
    }

    @Test
    void readsTheCancelTimeInTheConfiguredZone() {
        ProviderVerdict verdict = new KwikPaisaResponseTranslator(ZoneId.of("UTC")).translate(200, CANCELLED_BODY);

        assertThat(verdict.cancelledAt()).isEqualTo("2026-05-13T09:14:00Z");
    }

    private static String successBody(String orderStatus, String cancelledAtJson) {
        return "{\"code\":\"200\",\"status\":\"success\",\"message\":\"Order cancelled successfully.\","
                + "\"return_data\":{\"order_id\":\"6116229263036\",\"order_status\":\"" + orderStatus + "\","
                + "\"cancelled_at\":" + cancelledAtJson + "}}";
    }
}

package io.cancelgateway.provider.kwikpaisa;

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
import java.time.ZoneId;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class KwikPaisaStatusTranslatorTest {

    private static final String FETCHED = "Order status fetched successfully.";
    private static final String PAID_BODY = "{\"code\":\"200\",\"status\":\"success\","
            + "\"message\":\"Order status fetched successfully.\",\"return_data\":{\"kwikX_order_id\":\"kp_1\","
            + "\"order_id\":6116229263036,\"order_amount\":\"105.00\",\"currency\":\"INR\",\"order_status\":\"PAID\","
            + "\"payment_method\":\"UPI\",\"transaction_id\":\"TXN938482920\",\"created_at\":\"13-05-2026 08:34 AM\","
            + "\"paid_at\":\"13-05-2026 08:37 AM\"}}";

    private final KwikPaisaStatusTranslator translator = new KwikPaisaStatusTranslator(ZoneId.of("Asia/Kolkata"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "CANCELLED, CANCELLED",
            "cancelled, CANCELLED",
            "PAID, REJECTED",
            "FAILED, REJECTED",
            "EXPIRED, REJECTED",
            "UN_PAID, PENDING",
            "PROCESSING, PENDING",
            "REFUNDED, PENDING",
            "'', ERROR"
    })
    void readsEveryOrderStatus(String orderStatus, Outcome outcome) {
        assertThat(translator.translate(200, status(orderStatus, "\"13-05-2026 09:14 AM\"")))
                .isEqualTo(new ProviderVerdict(outcome, orderStatus, "200", FETCHED,
                        outcome == CANCELLED ? "2026-05-13T09:14:00+05:30" : null));
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                arguments("documented paid order", 200, PAID_BODY, REJECTED, "PAID", "200", FETCHED, null),
                arguments("cancelled in the afternoon", 200, status("CANCELLED", "\"13-05-2026 09:14 pm\""),
                        CANCELLED, "CANCELLED", "200", FETCHED, "2026-05-13T21:14:00+05:30"),
                arguments("cancelled without a time", 200, status("CANCELLED", "null"),
                        CANCELLED, "CANCELLED", "200", FETCHED, null),
                arguments("cancelled with an impossible date", 200, status("CANCELLED", "\"31-02-2026 09:14 AM\""),
                        CANCELLED, "CANCELLED", "200", FETCHED, null),
                arguments("cancelled with a time in another format", 200,
                        status("CANCELLED", "\"2026-05-13T09:14:00\""),
                        CANCELLED, "CANCELLED", "200", FETCHED, null),
                arguments("no order status", 200,
                        "{\"code\":\"200\",\"status\":\"success\",\"message\":\"" + FETCHED + "\",\"return_data\":{}}",
                        ERROR, null, "200", FETCHED, null),
                arguments("no return_data", 200, "{\"code\":\"200\",\"status\":\"success\"}",
                        ERROR, null, "200", null, null),
                arguments("order status of an unexpected type", 200,
                        "{\"code\":\"200\",\"return_data\":{\"order_status\":[\"PAID\"]}}",
                        ERROR, null, "200", null, null),
                arguments("error envelope in a 200: not found", 200,
                        "{\"status\":false,\"code\":404,\"message\":\"Order not found.\"}",
                        NOT_FOUND, null, "404", "Order not found.", null),
                arguments("error code in a 200 without an order", 200,
                        "{\"status\":\"failed\",\"code\":\"401\",\"message\":\"Invalid signature.\"}",
                        AUTH_FAILED, null, "401", "Invalid signature.", null),
                arguments("error envelope in a 200: server trouble", 200,
                        "{\"status\":false,\"code\":500,\"message\":\"Internal server error.\"}",
                        ERROR, null, "500", "Internal server error.", null),
                arguments("an order beats a stray code", 200,
                        "{\"status\":\"success\",\"code\":\"404\",\"return_data\":{\"order_status\":\"UN_PAID\"}}",
                        PENDING, "UN_PAID", "404", null, null),
                arguments("invalid payload", 400, error(400, "Invalid payload."),
                        INVALID, null, "400", "Invalid payload.", null),
                arguments("bad signature", 401, error(401, "Invalid signature."),
                        AUTH_FAILED, null, "401", "Invalid signature.", null),
                arguments("expired timestamp", 401, error(401, "Request timestamp expired."),
                        AUTH_FAILED, null, "401", "Request timestamp expired.", null),
                arguments("access denied", 403, error(403, "Access denied."),
                        AUTH_FAILED, null, "403", "Access denied.", null),
                arguments("order not found", 404, error(404, "Order not found."),
                        NOT_FOUND, null, "404", "Order not found.", null),
                arguments("a conflict says nothing about the order", 409, error(409, "Permission denied."),
                        ERROR, null, "409", "Permission denied.", null),
                arguments("business validation", 422, error(422, "Order id is invalid."),
                        INVALID, null, "422", "Order id is invalid.", null),
                arguments("rate limited", 429, error(429, "Too many requests."),
                        ERROR, null, "429", "Too many requests.", null),
                arguments("server error", 500, error(500, "Internal server error."),
                        ERROR, null, "500", "Internal server error.", null),
                arguments("unavailable", 503, error(503, "Service unavailable."),
                        ERROR, null, "503", "Service unavailable.", null),
                arguments("a 500 whose body claims an order", 500, status("CANCELLED", "null"),
                        ERROR, null, "200", FETCHED, null),
                arguments("empty body", 200, "", ERROR, null, null, null, null),
                arguments("null body", 200, null, ERROR, null, null, null, null),
                arguments("HTML body", 200, "<html><body>OK</body></html>", ERROR, null, null, null, null),
                arguments("truncated JSON", 200, "{\"code\":\"200\",\"return_data\":{\"order_status\":\"CANCEL",
                        ERROR, null, null, null, null),
                arguments("401 empty body", 401, "", AUTH_FAILED, null, null, null, null),
                // Without KwikPaisa's error body a 404 may be a proxy's: the check failed, following goes on.
                arguments("404 JSON array", 404, "[1,2]", ERROR, null, null, null, null),
                arguments("404 HTML", 404, "<html>Not Found</html>", ERROR, null, null, null, null),
                arguments("502 HTML", 502, "<html>Bad Gateway</html>", ERROR, null, null, null, null),
                arguments("418 unknown HTTP status", 418, error(418, "Teapot."), ERROR, null, "418", "Teapot.", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void translates(String answer, int status, String body, Outcome outcome, String providerStatus, String code,
            String message, String cancelledAt) {
        assertThat(translator.translate(status, body))
                .isEqualTo(new ProviderVerdict(outcome, providerStatus, code, message, cancelledAt));
    }

    static Stream<Arguments> malformed() {
        String[] bodies = { null, "", " ", "{", "}", "null", "\"text\"", "12", "{\"return_data\":null}",
                "{\"return_data\":[1]}", "{\"status\":false,\"code\":\"9999999999999\"}", "{\"code\":\"4xx\"}",
                "\u0000\u0001", "<!doctype html>" };
        int[] statuses = { 0, 100, 200, 204, 302, 400, 401, 404, 409, 429, 500, 599, 999, -1 };
        return Stream.of(bodies).flatMap(body -> Arrays.stream(statuses).mapToObj(status -> arguments(status, body)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformed")
    void neverThrows(int httpStatus, String body) {
        assertThatCode(() -> assertThat(translator.translate(httpStatus, body).outcome()).isNotNull())
                .doesNotThrowAnyException();
    }

    private static String status(String orderStatus, String cancelledAtJson) {
        return "{\"code\":\"200\",\"status\":\"success\",\"message\":\"" + FETCHED + "\","
                + "\"return_data\":{\"order_id\":\"6116229263036\",\"order_status\":\"" + orderStatus + "\","
                + "\"created_at\":\"13-05-2026 08:34 AM\",\"cancelled_at\":" + cancelledAtJson + "}}";
    }

    private static String error(int code, String message) {
        return "{\"status\":false,\"code\":" + code + ",\"message\":\"" + message + "\"}";
    }
}

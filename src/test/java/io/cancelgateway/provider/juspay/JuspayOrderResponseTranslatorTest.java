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
import org.junit.jupiter.params.provider.MethodSource;

class JuspayOrderResponseTranslatorTest {

    private final JuspayOrderResponseTranslator translator = new JuspayOrderResponseTranslator();

    static Stream<Arguments> answers() {
        return Stream.of(
                arguments("cancelled", 200, """
                        {"status":"Success","message":"Order cancelled successfully","order_id":"ord-1"}""",
                        Outcome.CANCELLED, "Success", null, "Order cancelled successfully", null),
                arguments("already cancelled", 400, """
                        {"status":"error","error_code":"INVALID_ACTION","error_message":"Order with id = \\"ord-1\\" is already cancelled.","error_info":{"code":"INVALID_ACTION","category":"USER_ERROR","user_message":"Order is already cancelled","developer_message":"Order status is CANCELLED","request_id":"5b0c7f1e-3a52-4d7e-9c1a-0d5c2f6e8a91"}}""",
                        Outcome.ALREADY_CANCELLED, "error", "INVALID_ACTION",
                        "Order with id = \"ord-1\" is already cancelled.", null),
                arguments("already cancelled, stated only by the developer message", 400, """
                        {"status":"error","error_code":"INVALID_ACTION","error_message":"Action not allowed","error_info":{"code":"INVALID_ACTION","developer_message":"Order status is CANCELLED"}}""",
                        Outcome.ALREADY_CANCELLED, "error", "INVALID_ACTION", "Action not allowed", null),
                arguments("not cancellable (charged)", 400, """
                        {"status":"error","error_code":"INVALID_ACTION","error_message":"Order with id = \\"ord-1\\" cannot be cancelled in status CHARGED.","error_info":{"code":"INVALID_ACTION","category":"USER_ERROR","user_message":"Only ACTIVE orders can be cancelled","developer_message":"Order status is CHARGED","request_id":"5b0c7f1e-3a52-4d7e-9c1a-0d5c2f6e8a91"}}""",
                        Outcome.REJECTED, "error", "INVALID_ACTION",
                        "Order with id = \"ord-1\" cannot be cancelled in status CHARGED.", null),
                arguments("unknown order", 404, """
                        {"status":"error","error_code":"RESOURCE_NOT_FOUND","error_message":"Order with id = \\"ord-1\\" does not exist.","error_info":{"code":"RESOURCE_NOT_FOUND","category":"USER_ERROR","user_message":"Order with id = \\"ord-1\\" does not exist.","developer_message":"Order with id = \\"ord-1\\" does not exist.","request_id":"5b0c7f1e-3a52-4d7e-9c1a-0d5c2f6e8a91"}}""",
                        Outcome.NOT_FOUND, "error", "RESOURCE_NOT_FOUND",
                        "Order with id = \"ord-1\" does not exist.", null),
                arguments("bad key", 401, """
                        {"status":"error","error_code":"access_denied","error_message":"Invalid API key","error_info":{"code":"UNAUTHORIZED","category":"USER_ERROR","user_message":"Unauthorized","developer_message":"Invalid API key","request_id":"5b0c7f1e-3a52-4d7e-9c1a-0d5c2f6e8a91"}}""",
                        Outcome.AUTH_FAILED, "error", "UNAUTHORIZED", "Invalid API key", null),
                arguments("bad key without error_info: error_code is the code", 401, """
                        {"status":"error","error_code":"access_denied","error_message":"Invalid API key"}""",
                        Outcome.AUTH_FAILED, "error", "access_denied", "Invalid API key", null),
                arguments("missing reason", 400, """
                        {"status":"error","error_code":"MISSING_MANDATORY_PARAMETER","error_message":"Mandatory fields are missing: cancel_reason","error_info":{"code":"MISSING_MANDATORY_PARAMETER","category":"USER_ERROR","user_message":"Mandatory fields are missing","developer_message":"Mandatory fields are missing: cancel_reason","request_id":"5b0c7f1e-3a52-4d7e-9c1a-0d5c2f6e8a91"}}""",
                        Outcome.INVALID, "error", "MISSING_MANDATORY_PARAMETER",
                        "Mandatory fields are missing: cancel_reason", null),
                arguments("missing merchant header", 400, """
                        {"status":"error","error_code":"MISSING_MANDATORY_PARAMETER","error_message":"Mandatory fields are missing: x-merchantid","error_info":{"code":"MISSING_MANDATORY_PARAMETER","category":"USER_ERROR","user_message":"Mandatory fields are missing","developer_message":"Mandatory fields are missing: x-merchantid","request_id":"5b0c7f1e-3a52-4d7e-9c1a-0d5c2f6e8a91"}}""",
                        Outcome.INVALID, "error", "MISSING_MANDATORY_PARAMETER",
                        "Mandatory fields are missing: x-merchantid", null),
                arguments("invalid input", 400, """
                        {"status":"error","error_code":"INVALID_INPUT","error_message":"x-merchantid does not match the merchant in the path","error_info":{"code":"INVALID_INPUT","category":"USER_ERROR","user_message":"Invalid input","developer_message":"x-merchantid does not match the merchant in the path","request_id":"5b0c7f1e-3a52-4d7e-9c1a-0d5c2f6e8a91"}}""",
                        Outcome.INVALID, "error", "INVALID_INPUT",
                        "x-merchantid does not match the merchant in the path", null),
                arguments("duplicate request: another cancel is in flight", 400, """
                        {"status":"error","error_code":"DUPLICATE_REQUEST","error_message":"Duplicate request","error_info":{"code":"DUPLICATE_REQUEST","category":"USER_ERROR","user_message":"Duplicate request"}}""",
                        Outcome.ERROR, "error", "DUPLICATE_REQUEST", "Duplicate request", null),
                arguments("provider down", 500, """
                        {"status":"error","error_code":"internal_error","error_message":"Something went wrong","error_info":{"code":"INTERNAL_SERVER_ERROR","category":"SERVER_ERROR","user_message":"Something went wrong","developer_message":"Something went wrong","request_id":"5b0c7f1e-3a52-4d7e-9c1a-0d5c2f6e8a91"}}""",
                        Outcome.ERROR, "error", "INTERNAL_SERVER_ERROR", "Something went wrong", null),
                arguments("provider temporarily unavailable", 503, """
                        {"status":"error","error_code":"internal_error","error_message":"Service temporarily unavailable","error_info":{"code":"INTERNAL_SERVER_ERROR","category":"SERVER_ERROR","user_message":"Service temporarily unavailable","developer_message":"Service temporarily unavailable","request_id":"5b0c7f1e-3a52-4d7e-9c1a-0d5c2f6e8a91"}}""",
                        Outcome.ERROR, "error", "INTERNAL_SERVER_ERROR", "Service temporarily unavailable", null),
                arguments("server error carrying a user error code is still an error", 502, """
                        {"status":"error","error_code":"RESOURCE_NOT_FOUND","error_message":"Upstream lookup failed"}""",
                        Outcome.ERROR, "error", "RESOURCE_NOT_FOUND", "Upstream lookup failed", null),
                arguments("rate limited", 429, """
                        {"status":"error","error_code":"TOO_MANY_REQUESTS","error_message":"Rate limit exceeded"}""",
                        Outcome.ERROR, "error", "TOO_MANY_REQUESTS", "Rate limit exceeded", null),
                arguments("success with unknown fields", 200, """
                        {"status":"Success","message":"Order cancelled successfully","order_id":"ord-1","udf1":"x","meta":{"a":[1,2]}}""",
                        Outcome.CANCELLED, "Success", null, "Order cancelled successfully", null),
                arguments("2xx with an unknown status word", 200, """
                        {"status":"PROCESSING","order_id":"ord-1"}""",
                        Outcome.PENDING, "PROCESSING", null, null, null),
                arguments("2xx with an empty body", 200, "", Outcome.PENDING, null, null, null, null),
                arguments("2xx with an HTML body", 200, "<html><body>OK</body></html>",
                        Outcome.PENDING, null, null, null, null),
                // Without Juspay's RESOURCE_NOT_FOUND a 404 may be a proxy's or a wrong base URL's.
                arguments("error with an empty body", 404, "", Outcome.ERROR, null, null, null, null),
                arguments("gateway HTML page", 502, "<html><head><title>502 Bad Gateway</title></head></html>",
                        Outcome.ERROR, null, null, null, null),
                arguments("unavailable, no body", 503, "", Outcome.ERROR, null, null, null, null),
                arguments("unknown error code falls back on the HTTP status", 409, """
                        {"status":"error","error_code":"SOMETHING_NEW","error_message":"New rule","error_info":{"code":"SOMETHING_NEW"}}""",
                        Outcome.REJECTED, "error", "SOMETHING_NEW", "New rule", null),
                arguments("unknown HTTP status", 418, """
                        {"status":"error","error_message":"I'm a teapot"}""",
                        Outcome.ERROR, "error", null, "I'm a teapot", null),
                arguments("values of unexpected types", 400, """
                        {"status":false,"error_code":42,"error_message":["a"],"error_info":"INVALID_ACTION"}""",
                        Outcome.INVALID, "false", "42", null, null),
                arguments("JSON that is not an object", 400, "[\"INVALID_ACTION\"]",
                        Outcome.INVALID, null, null, null, null),
                arguments("null body", 500, null, Outcome.ERROR, null, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void translatesEveryDocumentedAnswer(String answer, int httpStatus, String body, Outcome outcome,
            String providerStatus, String providerCode, String providerMessage, String cancelledAt) {
        assertThat(translator.translate(httpStatus, body))
                .isEqualTo(new ProviderVerdict(outcome, providerStatus, providerCode, providerMessage, cancelledAt));
    }

    static Stream<Arguments> malformed() {
        String[] bodies = { null, "", " ", "{", "}", "null", "\"text\"", "12", "{\"status\":null}",
                "{\"error_info\":{\"code\":null}}", "{\"error_info\":[1]}", "\u0000\u0001", "<!doctype html>" };
        int[] statuses = { 0, 100, 200, 204, 302, 400, 401, 404, 409, 429, 500, 599, 999, -1 };
        return Stream.of(bodies).flatMap(body -> Arrays.stream(statuses)
                .mapToObj(status -> arguments(status, body)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformed")
    void neverThrows(int httpStatus, String body) {
        assertThatCode(() -> assertThat(translator.translate(httpStatus, body).outcome()).isNotNull())
                .doesNotThrowAnyException();
    }
}

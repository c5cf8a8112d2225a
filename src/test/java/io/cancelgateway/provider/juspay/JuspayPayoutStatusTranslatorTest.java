package io.cancelgateway.provider.juspay;

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
import org.junit.jupiter.params.provider.MethodSource;

class JuspayPayoutStatusTranslatorTest {

    private static final String FULFILLMENT = "ful_77";
    private static final String ORDER = "po_77";
    private static final String NO_SUCH_FULFILLMENT = "Payout order po_77 holds no fulfillment ful_77";

    private final JuspayPayoutStatusTranslator translator = new JuspayPayoutStatusTranslator();

    static Stream<Arguments> answers() {
        return Stream.of(
                arguments("documented order, fulfillment cancelled", 200, """
                        {"orderId":"po_77","status":"FULFILLMENTS_SCHEDULED","updatedAt":"2025-01-16T08:11:41Z",
                        "type":"FULFILL_ONLY","fulfillments":[{"id":"ful_77","status":"CANCELLED",
                        "updatedAt":"2025-01-16T08:12:02Z","amount":100.5,"beneficiaryDetails":{"type":"UPI_ID"}}],
                        "payments":[],"refunds":[]}""",
                        CANCELLED, "CANCELLED", null, null, "2025-01-16T08:12:02Z"),
                arguments("cancelled, time with milliseconds", 200,
                        order(fulfillment("ful_77", "CANCELLED", "\"2025-01-16T08:12:02.123Z\"")),
                        CANCELLED, "CANCELLED", null, null, "2025-01-16T08:12:02.123Z"),
                arguments("cancelled, time without offset (UTC)", 200,
                        order(fulfillment("ful_77", "CANCELLED", "\"2025-01-16T08:12:02\"")),
                        CANCELLED, "CANCELLED", null, null, "2025-01-16T08:12:02Z"),
                arguments("cancelled, time with an offset", 200,
                        order(fulfillment("ful_77", "CANCELLED", "\"2025-01-16T13:42:02+05:30\"")),
                        CANCELLED, "CANCELLED", null, null, "2025-01-16T13:42:02+05:30"),
                arguments("cancelled, unreadable time", 200,
                        order(fulfillment("ful_77", "CANCELLED", "\"yesterday\"")),
                        CANCELLED, "CANCELLED", null, null, null),
                arguments("cancelled, no time", 200, order(fulfillment("ful_77", "CANCELLED", "null")),
                        CANCELLED, "CANCELLED", null, null, null),
                arguments("cancelled, lower case", 200, order(fulfillment("ful_77", "cancelled", "null")),
                        CANCELLED, "cancelled", null, null, null),
                arguments("paid out: the cancel failed", 200,
                        order(fulfillment("ful_77", "SUCCESS", "\"2025-01-16T08:12:02Z\"")),
                        REJECTED, "SUCCESS", null, null, null),
                arguments("payout failed on its own", 200,
                        order(fulfillment("ful_77", "FAILURE", "\"2025-01-16T08:12:02Z\"")),
                        REJECTED, "FAILURE", null, null, null),
                arguments("created", 200, order(fulfillment("ful_77", "CREATED", "null")),
                        PENDING, "CREATED", null, null, null),
                arguments("pending", 200, order(fulfillment("ful_77", "PENDING", "null")),
                        PENDING, "PENDING", null, null, null),
                arguments("manual review", 200, order(fulfillment("ful_77", "MANUAL_REVIEW", "null")),
                        PENDING, "MANUAL_REVIEW", null, null, null),
                arguments("unknown status", 200, order(fulfillment("ful_77", "ON_HOLD", "null")),
                        PENDING, "ON_HOLD", null, null, null),
                arguments("fulfillment without a status", 200, order("{\"id\":\"ful_77\"}"),
                        ERROR, null, null, null, null),
                arguments("fulfillment with a blank status", 200, order(fulfillment("ful_77", " ", "null")),
                        ERROR, " ", null, null, null),
                arguments("the right one among several", 200, order(fulfillment("ful_76", "SUCCESS", "null") + ","
                        + fulfillment("ful_77", "CANCELLED", "\"2025-01-16T08:12:02Z\"") + ","
                        + fulfillment("ful_78", "PENDING", "null")),
                        CANCELLED, "CANCELLED", null, null, "2025-01-16T08:12:02Z"),
                arguments("the first of duplicates", 200, order(fulfillment("ful_77", "PENDING", "null") + ","
                        + fulfillment("ful_77", "CANCELLED", "null")),
                        PENDING, "PENDING", null, null, null),
                arguments("order without that fulfillment", 200, order(fulfillment("ful_76", "CANCELLED", "null")),
                        NOT_FOUND, null, null, NO_SUCH_FULFILLMENT, null),
                arguments("order without fulfillments", 200, order(""),
                        NOT_FOUND, null, null, NO_SUCH_FULFILLMENT, null),
                arguments("id matched exactly, not by prefix or case", 200,
                        order(fulfillment("ful_777", "CANCELLED", "null") + "," + fulfillment("FUL_77", "CANCELLED",
                                "null")),
                        NOT_FOUND, null, null, NO_SUCH_FULFILLMENT, null),
                arguments("order without its id names the order asked for", 200, "{\"fulfillments\":[]}",
                        NOT_FOUND, null, null, NO_SUCH_FULFILLMENT, null),
                arguments("fulfillments not expanded", 200,
                        "{\"orderId\":\"po_77\",\"status\":\"FULFILLMENTS_SCHEDULED\"}",
                        ERROR, null, null, null, null),
                arguments("fulfillments not a list", 200,
                        "{\"orderId\":\"po_77\",\"fulfillments\":{\"id\":\"ful_77\"}}",
                        ERROR, null, null, null, null),
                arguments("fulfillment entries of unexpected types", 200,
                        "{\"orderId\":\"po_77\",\"fulfillments\":[1,\"ful_77\",null,{\"id\":{\"x\":1}}]}",
                        NOT_FOUND, null, null, NO_SUCH_FULFILLMENT, null),
                arguments("empty body", 200, "", ERROR, null, null, null, null),
                arguments("null body", 200, null, ERROR, null, null, null, null),
                arguments("HTML body", 200, "<html><body>OK</body></html>", ERROR, null, null, null, null),
                arguments("JSON that is not an object", 200, "[{\"id\":\"ful_77\",\"status\":\"CANCELLED\"}]",
                        ERROR, null, null, null, null),
                arguments("unknown order", 404, """
                        {"error":true,"errorCode":"E09","errorMessage":"Could not find resource: Order po_77","userMessage":"Not Found"}""",
                        NOT_FOUND, null, "E09", "Could not find resource: Order po_77", null),
                arguments("unknown order, wrapped", 404, """
                        {"response":{"error":true,"errorCode":"E09","errorMessage":"Could not find resource: Order po_77"},"code":404}""",
                        NOT_FOUND, null, "E09", "Could not find resource: Order po_77", null),
                arguments("unknown order, wrapped, with a 200", 200, """
                        {"response":{"error":true,"errorCode":"E09","errorMessage":"Could not find resource: Order po_77"},"code":404}""",
                        NOT_FOUND, null, "E09", "Could not find resource: Order po_77", null),
                arguments("server error in a 200", 200, """
                        {"error":true,"errorCode":"E90","errorMessage":"Something went wrong"}""",
                        ERROR, null, "E90", "Something went wrong", null),
                arguments("unavailable, wrapped in a 200", 200, """
                        {"response":{"error":true,"errorCode":"E90","errorMessage":"Try later"},"code":503}""",
                        ERROR, null, "E90", "Try later", null),
                arguments("unknown code in a 200, without a status", 200, """
                        {"error":true,"errorCode":"E42","errorMessage":"Something new"}""",
                        ERROR, null, "E42", "Something new", null),
                arguments("an order whose error flag is false is read as the order", 200,
                        "{\"error\":false," + order(fulfillment("ful_77", "CANCELLED", "null")).substring(1),
                        CANCELLED, "CANCELLED", null, null, null),
                // Without Juspay's E09 a 404 may be a proxy's: the check failed, following goes on.
                arguments("404 without a body", 404, "", ERROR, null, null, null, null),
                arguments("validation error", 400, """
                        {"error":true,"errorCode":"E01","errorMessage":"x-routing-id header is required"}""",
                        INVALID, null, "E01", "x-routing-id header is required", null),
                arguments("invalid signature", 400, """
                        {"error":true,"errorCode":"E03","errorMessage":"Invalid JWE/JWS signature"}""",
                        AUTH_FAILED, null, "E03", "Invalid JWE/JWS signature", null),
                arguments("unauthorized", 401, """
                        {"error":true,"errorCode":"E07","errorMessage":"Invalid API key","userMessage":"Unauthorized"}""",
                        AUTH_FAILED, null, "E07", "Invalid API key", null),
                arguments("forbidden", 403, """
                        {"error":true,"errorCode":"E08","errorMessage":"Forbidden"}""",
                        AUTH_FAILED, null, "E08", "Forbidden", null),
                arguments("401 without a body", 401, "", AUTH_FAILED, null, null, null, null),
                arguments("403 HTML", 403, "<html>Forbidden</html>", AUTH_FAILED, null, null, null, null),
                arguments("something went wrong", 500, """
                        {"error":true,"errorCode":"E90","errorMessage":"Something went wrong"}""",
                        ERROR, null, "E90", "Something went wrong", null),
                arguments("server error carrying a client error code", 503, """
                        {"error":true,"errorCode":"E09","errorMessage":"Upstream lookup failed"}""",
                        ERROR, null, "E09", "Upstream lookup failed", null),
                arguments("gateway HTML page", 502, "<html><title>502 Bad Gateway</title></html>",
                        ERROR, null, null, null, null),
                arguments("rate limited", 429, "{\"error\":true,\"errorCode\":\"E29\",\"errorMessage\":\"Slow down\"}",
                        ERROR, null, "E29", "Slow down", null),
                arguments("a conflict says nothing about the fulfillment", 409,
                        "{\"error\":true,\"errorMessage\":\"x\"}",
                        ERROR, null, null, "x", null),
                arguments("unknown code on a 400", 400,
                        "{\"error\":true,\"errorCode\":\"E42\",\"errorMessage\":\"New\"}",
                        INVALID, null, "E42", "New", null),
                arguments("unknown HTTP status", 418, "{}", ERROR, null, null, null, null),
                arguments("redirect", 302, "", ERROR, null, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void translatesEveryAnswer(String answer, int httpStatus, String body, Outcome outcome, String providerStatus,
            String providerCode, String providerMessage, String cancelledAt) {
        assertThat(translator.translate(FULFILLMENT, ORDER, httpStatus, body))
                .isEqualTo(new ProviderVerdict(outcome, providerStatus, providerCode, providerMessage, cancelledAt));
    }

    static Stream<Arguments> malformed() {
        String[] bodies = { null, "", " ", "{", "}", "null", "\"text\"", "12", "{\"fulfillments\":null}",
                "{\"fulfillments\":[null]}", "{\"fulfillments\":[[]]}", "{\"fulfillments\":[{\"id\":null}]}",
                "{\"response\":[1]}", "\u0000\u0001", "<!doctype html>" };
        int[] statuses = { 0, 100, 200, 204, 302, 400, 401, 404, 409, 429, 500, 599, 999, -1 };
        return Stream.of(bodies).flatMap(body -> Arrays.stream(statuses).mapToObj(status -> arguments(status, body)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformed")
    void neverThrows(int httpStatus, String body) {
        assertThatCode(() -> {
            assertThat(translator.translate(FULFILLMENT, ORDER, httpStatus, body).outcome()).isNotNull();
            assertThat(translator.translate(null, null, httpStatus, body).outcome()).isNotNull();
        }).doesNotThrowAnyException();
    }

    private static String order(String fulfillments) {
        return "{\"orderId\":\"po_77\",\"status\":\"FULFILLMENTS_SCHEDULED\",\"fulfillments\":[" + fulfillments + "]}";
    }

    private static String fulfillment(String id, String status, String updatedAtJson) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"updatedAt\":" + updatedAtJson + "}";
    }
}

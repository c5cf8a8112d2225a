package io.cancelgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.cancelgateway.model.CancelRequest;

class CancelRequestValidatorTest {

    private static final String NOT_AN_ID = "reference must be visible ASCII characters";

    @ParameterizedTest
    @ValueSource(strings = { "ord_1", "6116229263036", "pay_ABC-123.x", "pay#1?x=y", "a.b", "x=1", "a-", "ref@x" })
    void acceptsPlainReferences(String reference) {
        assertThat(CancelRequestValidator.problem(request(reference))).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "''|reference is required",
            "'   '|reference is required",
            "a/b|" + NOT_AN_ID,
            "../etc|" + NOT_AN_ID,
            "a..b|" + NOT_AN_ID,
            ".|" + NOT_AN_ID,
            "..|" + NOT_AN_ID,
            "a b|" + NOT_AN_ID,
            "'a\tb'|" + NOT_AN_ID,
            "a\\b|" + NOT_AN_ID,
            "=HYPERLINK(\"x\")|" + NOT_AN_ID,
            "+1|" + NOT_AN_ID,
            "-1|" + NOT_AN_ID,
            "@SUM(A1)|" + NOT_AN_ID,
            "ñandú|" + NOT_AN_ID,
            "caf\u00e9|" + NOT_AN_ID,
            "m\u0430|" + NOT_AN_ID,
            "a\u200bb|" + NOT_AN_ID,
            "a\u202eb|" + NOT_AN_ID,
            "a\u001b[31mb|" + NOT_AN_ID,
            "a\u0085b|" + NOT_AN_ID })
    void refusesAnythingButVisibleAscii(String reference, String problem) {
        assertThat(CancelRequestValidator.problem(request(reference))).hasValueSatisfying(p -> assertThat(p)
                .startsWith(problem));
    }

    @Test
    void refusesMissingReferenceControlCharactersAndOverlongIds() {
        assertThat(CancelRequestValidator.problem(request(null))).contains("reference is required");
        assertThat(CancelRequestValidator.problem(request("ab\u0000c"))).isPresent();
        assertThat(CancelRequestValidator.problem(request("x".repeat(128)))).isEmpty();
        assertThat(CancelRequestValidator.problem(request("x".repeat(129))))
                .contains("reference is longer than 128 characters");
    }

    @ParameterizedTest(name = "request_id \"{0}\" usable: {1}")
    @CsvSource({ "'.', false", "'..', false", "'...', true", "'.a', true", "'a..b', true", "'ID:peer-1', true" })
    void aRequestIdThatAUrlPathCannotNameIsRefused(String requestId, boolean usable) {
        // GET /api/v1/cancellations/. or /.. never reaches the request: a path has no such segment.
        assertThat(CancelRequestValidator.usableRequestId(requestId)).isEqualTo(usable);
        assertThat(CancelRequestValidator.problem(new CancelRequest(requestId, null, null, "r", null, null, null)))
                .isEqualTo(usable ? Optional.empty() : Optional.of("request_id must be 1 to 128 characters of "
                        + "letters, digits, '.', '_', ':' or '-', not starting with '-', and not '.' or '..'"));
    }

    @Test
    void checksTheOtherFields() {
        assertThat(CancelRequestValidator.problem(new CancelRequest("has space", null, null, "r", null, null, null)))
                .hasValueSatisfying(p -> assertThat(p).startsWith("request_id must be"));
        assertThat(CancelRequestValidator.problem(new CancelRequest("-leading", null, null, "r", null, null, null)))
                .hasValueSatisfying(p -> assertThat(p).startsWith("request_id must be"));
        assertThat(CancelRequestValidator.problem(new CancelRequest(null, null, "m/1", "r", null, null, null)))
                .hasValueSatisfying(p -> assertThat(p).startsWith("merchant_id must be visible ASCII"));
        assertThat(CancelRequestValidator.problem(new CancelRequest(null, null, "m\u0430", "r", null, null, null)))
                .hasValueSatisfying(p -> assertThat(p).startsWith("merchant_id must be visible ASCII"));
        assertThat(CancelRequestValidator.problem(new CancelRequest(null, null, null, "r", null, "c\r\nx: y", null)))
                .hasValueSatisfying(p -> assertThat(p).startsWith("customer_id must be visible ASCII"));
        assertThat(CancelRequestValidator.problem(new CancelRequest(null, null, null, "r", "a\u0007b", null, null)))
                .hasValueSatisfying(p -> assertThat(p).startsWith("reason must not contain control or format characters"));
        assertThat(CancelRequestValidator.problem(new CancelRequest(null, null, null, "r", "a\u202eb", null, null)))
                .isPresent();
        assertThat(CancelRequestValidator.problem(new CancelRequest(null, null, null, "r", "a\u200bb", null, null)))
                .isPresent();
        // Half of an emoji, as text cut in UTF-16 units leaves it: PostgreSQL's driver would store '?' for it.
        assertThat(CancelRequestValidator.problem(new CancelRequest(null, null, null, "r", "cut \uD83D", null, null)))
                .contains("reason must not contain control or format characters other than tab and line breaks, "
                        + "nor half of a character (a lone UTF-16 surrogate)");
        assertThat(CancelRequestValidator.problem(new CancelRequest(null, null, null, "r", "\uDE00 cut", null, null)))
                .isPresent();
        assertThat(CancelRequestValidator.problem(new CancelRequest(null, null, null, "r", "line\r\nnext\tx", null, null)))
                .isEmpty();
        assertThat(CancelRequestValidator.problem(new CancelRequest(null, null, null, "r", "Kunde möchte — 取消",
                null, null))).isEmpty();
        assertThat(CancelRequestValidator.problem(new CancelRequest(null, null, null, "r", "x".repeat(257), null, null)))
                .contains("reason is longer than 256 characters");
        // Characters, not UTF-16 units: each emoji is two of those.
        assertThat(CancelRequestValidator.problem(new CancelRequest(null, null, null, "r", "\uD83D\uDE00".repeat(256),
                null, null))).isEmpty();
        assertThat(CancelRequestValidator.problem(new CancelRequest(null, null, null, "r", "\uD83D\uDE00".repeat(257),
                null, null))).contains("reason is longer than 256 characters");
        assertThat(CancelRequestValidator.problem(
                new CancelRequest("ID:abc-1:2.3_4", "kwikpaisa", "m1", "r", "Customer asked", "cust_9", null))).isEmpty();
    }

    private static CancelRequest request(String reference) {
        return new CancelRequest(null, null, null, reference, null, null, null);
    }
}

package io.cancelgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.cancelgateway.model.CancelRequest;

class CancelRequestValidatorTest {

    @ParameterizedTest
    @ValueSource(strings = { "ord_1", "6116229263036", "pay_ABC-123.x", "ñandú" })
    void acceptsPlainReferences(String reference) {
        assertThat(CancelRequestValidator.problem(request(reference))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|reference is required",
            "'   '|reference is required",
            "a/b|reference must not contain",
            "../etc|reference must not contain",
            "a..b|reference must not contain",
            "a b|reference must not contain",
            "'a\tb'|reference must not contain",
            "a\\b|reference must not contain" })
    void refusesUnsafeReferences(String reference, String problem) {
        assertThat(CancelRequestValidator.problem(request(reference))).hasValueSatisfying(p -> assertThat(p)
                .startsWith(problem));
    }

    @org.junit.jupiter.api.Test
    void refusesMissingReferenceControlCharactersAndOverlongIds() {
        assertThat(CancelRequestValidator.problem(request(null))).contains("reference is required");
        assertThat(CancelRequestValidator.problem(request("ab\u0000c"))).isPresent();
        assertThat(CancelRequestValidator.problem(request("x".repeat(128)))).isEmpty();
        assertThat(CancelRequestValidator.problem(request("x".repeat(129))))
                .contains("reference is longer than 128 characters");
    }

    @org.junit.jupiter.api.Test
    void checksTheOtherFields() {
        assertThat(CancelRequestValidator.problem(new CancelRequest("has space", null, null, "r", null, null)))
                .hasValueSatisfying(p -> assertThat(p).startsWith("request_id must be"));
        assertThat(CancelRequestValidator.problem(new CancelRequest(null, null, "m/1", "r", null, null)))
                .hasValueSatisfying(p -> assertThat(p).startsWith("merchant_id must not contain"));
        assertThat(CancelRequestValidator.problem(new CancelRequest(null, null, null, "r", null, "c\r\nx: y")))
                .hasValueSatisfying(p -> assertThat(p).startsWith("customer_id must not contain"));
        assertThat(CancelRequestValidator.problem(new CancelRequest(null, null, null, "r", "a\u0007b", null)))
                .contains("reason must not contain control characters other than tab and line breaks");
        assertThat(CancelRequestValidator.problem(new CancelRequest(null, null, null, "r", "line\r\nnext\tx", null)))
                .isEmpty();
        assertThat(CancelRequestValidator.problem(new CancelRequest(null, null, null, "r", "x".repeat(257), null)))
                .contains("reason is longer than 256 characters");
        assertThat(CancelRequestValidator.problem(
                new CancelRequest("ID:abc-1:2.3_4", "kwikpaisa", "m1", "r", "Customer asked", "cust_9"))).isEmpty();
    }

    private static CancelRequest request(String reference) {
        return new CancelRequest(null, null, null, reference, null, null);
    }
}

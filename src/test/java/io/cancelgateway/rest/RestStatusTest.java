package io.cancelgateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Outcome;

class RestStatusTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "CANCELLED,200,null,false,200",
            "ALREADY_CANCELLED,400,null,false,200",
            "PENDING,200,null,false,202",
            "REJECTED,409,null,false,409",
            "NOT_FOUND,404,null,false,404",
            "INVALID,null,reference is required,false,400",
            "AUTH_FAILED,401,kwikpaisa refused the gateway's credentials (HTTP 401),false,502",
            "ERROR,503,kwikpaisa gave no definitive answer (HTTP 503) after 3 attempts,false,502",
            "ERROR,null,could not reach kwikpaisa: Connection refused after 3 attempts,false,502",
            "ERROR,null,timed out waiting for kwikpaisa after 3 attempts,true,504" })
    void answersEachOutcomeWithItsStatus(Outcome outcome, Integer httpStatus, String error, boolean timedOut,
            int expected) {
        CancelResult result = new CancelResult("r1", "kwikpaisa", null, "ref", outcome, outcome.retryable(), null,
                null, null, httpStatus, null, null, 1, 5, null, error, false, null, null, null, 0);
        assertThat(RestStatus.of(result, timedOut)).isEqualTo(expected);
    }
}

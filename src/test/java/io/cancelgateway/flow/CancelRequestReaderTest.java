package io.cancelgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cancelgateway.flow.CancelRequestReader.UnreadableCancelRequest;
import io.cancelgateway.model.CancelRequest;

class CancelRequestReaderTest {

    private final CancelRequestReader reader = new CancelRequestReader(new ObjectMapper());

    @Test
    void readsTheSameRequestFromBytesAndFromText() {
        String document = "{\"request_id\":\"erp-1\",\"provider\":\"kwikpaisa\",\"reference\":\"6116229263036\"}";

        CancelRequest fromBytes = reader.read(document.getBytes(StandardCharsets.UTF_8), "the body");
        CancelRequest fromText = reader.read(document, "the message body");

        assertThat(fromBytes).isEqualTo(fromText);
        assertThat(fromBytes.requestId()).isEqualTo("erp-1");
        assertThat(fromBytes.reference()).isEqualTo("6116229263036");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "null             | the body must be a JSON object",
        "{\"provider\":   | the body is not a valid cancel request: ",
        "[1,2]            | the body is not a valid cancel request: ",
        "{\"reference\":12345}                  | the body is not a valid cancel request: reference must be a JSON string (text in quotes)",
        "{\"reference\":[\"x\"]}                | the body is not a valid cancel request: reference must be a JSON string (text in quotes)",
        "{\"provider\":true,\"reference\":\"a\"} | the body is not a valid cancel request: provider must be a JSON string (text in quotes)",
        "{\"reference\":\"a\",\"reason\":1.5}    | the body is not a valid cancel request: reason must be a JSON string (text in quotes)",
        "{\"merchant_id\":{},\"reference\":\"a\"} | the body is not a valid cancel request: merchant_id must be a JSON string (text in quotes)",
    })
    void namesWhyADocumentCannotBeRead(String document, String reason) {
        assertThatThrownBy(() -> reader.read(document, "the body"))
                .isInstanceOf(UnreadableCancelRequest.class)
                .hasMessageStartingWith(reason.strip());
    }
}

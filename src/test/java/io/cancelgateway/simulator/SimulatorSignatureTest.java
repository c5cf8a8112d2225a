package io.cancelgateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatorSignatureTest {

    private static final String SECRET = "YOUR_SECRET_KEY";
    private static final String TIMESTAMP = "1778659835";

    private final SimulatorSignature signature = new SimulatorSignature(SECRET);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"order_id\":6116229263036}|cea778fa5a41f1fdb806384d9183202785390d7063d4d2cf83ad5ac28ae953ed",
            "{\"order_id\":\"6116229263036\"}|9e6e6b93b3d2c2de9d66b2c8b409c031b638c7f40bebac1cbb8b89f965e66461",
            "{\"amount\":\"100\",\"order_id\":\"123456\"}|6aafa6ffebb2465388bb65c4bcd41a125b218686fa305979d23b4c435af6d209"
    })
    void matchesTheDocumentedVectors(String body, String expected) {
        assertThat(signature.expectedFor(body, TIMESTAMP)).isEqualTo(expected);
        assertThat(signature.matches(body, TIMESTAMP, expected)).isTrue();
    }

    @Test
    void signsTheCanonicalFormNotTheBytesSent() {
        String unsortedWithSpaces = "{ \"order_id\" : \"123456\",\n  \"amount\" : \"100\" }";

        assertThat(signature.matches(unsortedWithSpaces, TIMESTAMP,
                "6aafa6ffebb2465388bb65c4bcd41a125b218686fa305979d23b4c435af6d209")).isTrue();
    }

    @Test
    void refusesUppercaseHexWrongTimestampWrongSecretAndAbsentSignature() {
        String body = "{\"order_id\":\"6116229263036\"}";
        String valid = "9e6e6b93b3d2c2de9d66b2c8b409c031b638c7f40bebac1cbb8b89f965e66461";

        assertThat(signature.matches(body, TIMESTAMP, valid.toUpperCase())).isFalse();
        assertThat(signature.matches(body, "1778659836", valid)).isFalse();
        assertThat(new SimulatorSignature("OTHER_SECRET").matches(body, TIMESTAMP, valid)).isFalse();
        assertThat(signature.matches(body, TIMESTAMP, null)).isFalse();
    }

    @Test
    void neverMatchesABodyThatIsNotJson() {
        assertThat(signature.matches("order_id=1", TIMESTAMP, "00")).isFalse();
        assertThatThrownBy(() -> signature.expectedFor("order_id=1", TIMESTAMP))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.cancelgateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "sorts keys at every level|{\"b\":{\"z\":1,\"a\":[{\"y\":2,\"x\":3}]},\"a\":null}|{\"a\":null,\"b\":{\"a\":[{\"x\":3,\"y\":2}],\"z\":1}}",
            "drops whitespace|` { \"a\" : [ 1 , true , false ] }\n`|{\"a\":[1,true,false]}",
            "keeps array order|[3,1,2]|[3,1,2]",
            "does not escape slashes|{\"url\":\"https:\\/\\/x.io/a\"}|{\"url\":\"https://x.io/a\"}",
            "escapes non-ASCII in lowercase hex|{\"name\":\"Zoë ₹\"}|{\"name\":\"Zo\\u00eb \\u20b9\"}",
            "escapes control characters|{\"t\":\"a\\tb\\u0001\\n\"}|{\"t\":\"a\\tb\\u0001\\n\"}",
            "escapes quotes and backslashes|{\"q\":\"say \\\"hi\\\" \\\\ \"}|{\"q\":\"say \\\"hi\\\" \\\\ \"}",
            "keeps number literals|{\"n\":6116229263036,\"d\":1.50,\"e\":-2E3}|{\"d\":1.50,\"e\":-2E3,\"n\":6116229263036}",
            "lets the last duplicate win|{\"a\":1,\"a\":2}|{\"a\":2}"
    })
    void writesTheSignedForm(String description, String input, String canonical) {
        assertThat(CanonicalJson.of(input)).isEqualTo(canonical);
        assertThat(CanonicalJson.of(canonical)).as("canonical form is stable").isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "order_id=1", "{\"a\":1} {}", "{\"a\":1", "{'a':1}", "{\"a\":01}", "[1,]"})
    void refusesWhatIsNotExactlyOneJsonValue(String input) {
        assertThatThrownBy(() -> CanonicalJson.of(input)).isInstanceOf(IllegalArgumentException.class);
    }
}

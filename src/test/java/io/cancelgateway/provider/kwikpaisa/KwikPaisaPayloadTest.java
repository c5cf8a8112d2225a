package io.cancelgateway.provider.kwikpaisa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KwikPaisaPayloadTest {

    @Test
    void sendsTheOrderIdAsAStringByDefault() {
        assertThat(KwikPaisaPayload.order("6116229263036", false)).isEqualTo("{\"order_id\":\"6116229263036\"}");
    }

    @Test
    void sendsADigitsOnlyIdAsANumberWhenConfigured() {
        assertThat(KwikPaisaPayload.order("6116229263036", true)).isEqualTo("{\"order_id\":6116229263036}");
        assertThat(KwikPaisaPayload.order("0", true)).isEqualTo("{\"order_id\":0}");
        assertThat(KwikPaisaPayload.order(Long.toString(Long.MAX_VALUE), true))
                .isEqualTo("{\"order_id\":" + Long.MAX_VALUE + "}");
    }

    @ParameterizedTest(name = "\"{0}\" stays a string")
    @ValueSource(strings = { "ORD-6116229263036", "0042", "12.5", "-12", "1e5", " 12", "", "9223372036854775808",
            "99999999999999999999999" })
    void keepsAnIdThatIsNotAPlainLongAsAStringEvenWhenNumericIsConfigured(String reference) {
        assertThat(KwikPaisaPayload.order(reference, true)).isEqualTo("{\"order_id\":\"" + reference + "\"}");
    }

    @Test
    void sortsKeysAtEveryLevelAndWritesCompactly() throws Exception {
        var payload = new ObjectMapper().readTree("{ \"order_id\" : \"123456\", \"amount\" : \"100\", "
                + "\"meta\" : { \"z\" : 1, \"a\" : [ { \"y\" : true, \"b\" : null } ] } }");

        assertThat(KwikPaisaPayload.write(payload)).isEqualTo(
                "{\"amount\":\"100\",\"meta\":{\"a\":[{\"b\":null,\"y\":true}],\"z\":1},\"order_id\":\"123456\"}");
    }

    @Test
    void sortedPayloadSignsToTheDocumentedVector() throws Exception {
        var payload = new ObjectMapper().readTree("{\"order_id\":\"123456\",\"amount\":\"100\"}");

        assertThat(KwikPaisaSigner.sign("YOUR_SECRET_KEY", KwikPaisaPayload.write(payload), 1778659835L))
                .isEqualTo("6aafa6ffebb2465388bb65c4bcd41a125b218686fa305979d23b4c435af6d209");
    }

    @Test
    void doesNotEscapeSlashes() {
        assertThat(KwikPaisaPayload.order("a/b/c", false)).isEqualTo("{\"order_id\":\"a/b/c\"}");
    }

    @Test
    void escapesQuotesBackslashesAndNonAsciiLikeTheReferenceEncoders() {
        assertThat(KwikPaisaPayload.order("q\"b\\é€", false))
                .isEqualTo("{\"order_id\":\"q\\\"b\\\\\\u00e9\\u20ac\"}");
    }
}

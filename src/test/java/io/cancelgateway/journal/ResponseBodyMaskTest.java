package io.cancelgateway.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseBodyMaskTest {

    private static final List<String> NO_SECRETS = List.of();

    @ParameterizedTest
    @ValueSource(strings = { "client_secret", "secret", "api_key", "apiKey", "x-api-key", "token", "access_token",
            "password", "signature", "authorization", "Authorization" })
    void theValueOfASecretLookingFieldIsMasked(String field) {
        String body = "{\"payment_id\":\"pay_1\",\"" + field + "\":\"s3cr3t-value\",\"status\":\"cancelled\"}";

        assertThat(ResponseBodyMask.mask(body, NO_SECRETS))
                .isEqualTo("{\"payment_id\":\"pay_1\",\"" + field + "\":\"****\",\"status\":\"cancelled\"}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"token\" : \"abc\"}|{\"token\" : \"****\"}",
            "{\"password\":\"a\\\"b\\\\c\",\"next\":\"kept\"}|{\"password\":\"****\",\"next\":\"kept\"}",
            "{\"auth\":{\"signature\":\"sig==\"},\"signature_version\":\"v2\"}|"
                    + "{\"auth\":{\"signature\":\"****\"},\"signature_version\":\"****\"}",
            "{\"token\":\"\"}|{\"token\":\"****\"}" })
    void secretLookingFieldsAreMaskedWhateverTheirLayout(String body, String masked) {
        assertThat(ResponseBodyMask.mask(body, NO_SECRETS)).isEqualTo(masked);
    }

    @Test
    void otherFieldsAreKeptAsReceived() {
        String body = "{\"status\":\"error\",\"error_code\":\"INVALID_ACTION\",\"amount\":6540,"
                + "\"message\":\"Order with id = \\\"ord_1\\\" is already cancelled.\"}";

        assertThat(ResponseBodyMask.mask(body, NO_SECRETS)).isEqualTo(body);
    }

    @Test
    void theGatewaysOwnSecretsAreMaskedAnywhere() {
        String body = "Invalid API key snd_abc123456789 (signed with sk_987654321, key snd_abc123456789)";

        assertThat(ResponseBodyMask.mask(body, List.of("snd_abc123456789", "sk_987654321")))
                .isEqualTo("Invalid API key **** (signed with ****, key ****)");
    }

    @Test
    void absentSecretsMaskNothing() {
        assertThat(ResponseBodyMask.mask("{\"status\":\"ok\"}", Arrays.asList(null, "")))
                .isEqualTo("{\"status\":\"ok\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "m", "\\n", "\\\"" })
    void aStringOfAMillionCharactersIsMaskedAround(String unit) {
        String body = "{\"message\":\"" + unit.repeat(1_000_000 / unit.length()) + "\",\"api_key\":\"sk_live\"}";

        String masked = ResponseBodyMask.mask(body, NO_SECRETS);

        assertThat(masked).startsWith("{\"message\":\"" + unit);
        assertThat(ResponseBodyMask.mask("{\"api_key\":\"sk_live\",\"message\":\"" + unit.repeat(1_000_000 / unit.length())
                + "\"}", NO_SECRETS)).startsWith("{\"api_key\":\"****\",\"message\":\"");
    }

    @Test
    void nullStaysNull() {
        assertThat(ResponseBodyMask.mask(null, List.of("snd_key"))).isNull();
    }

    @Test
    void aBodyOfAtMostFourKibibytesIsKeptWhole() {
        String body = "a".repeat(4096);

        assertThat(ResponseBodyMask.mask(body, NO_SECRETS)).isEqualTo(body);
        assertThat(ResponseBodyMask.mask("", NO_SECRETS)).isEmpty();
    }

    @Test
    void aLongerBodyIsCutAtFourKibibytes() {
        String body = "a".repeat(5000);

        assertThat(ResponseBodyMask.mask(body, NO_SECRETS)).isEqualTo("a".repeat(4096));
    }

    @ParameterizedTest
    @CsvSource({ "é, 4095", "é, 4096", "€, 4094", "€, 4095", "€, 4096", "😀, 4093", "😀, 4094", "😀, 4095",
            "😀, 4096" })
    void theCutNeverSplitsACharacter(String character, int asciiBefore) {
        String body = "a".repeat(asciiBefore) + character + "tail";
        int characterBytes = character.getBytes(StandardCharsets.UTF_8).length;
        boolean fits = asciiBefore + characterBytes <= 4096;

        String cut = ResponseBodyMask.mask(body, NO_SECRETS);

        assertThat(cut).isEqualTo("a".repeat(asciiBefore) + (fits ? character : ""));
        assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
        assertThat(cut).doesNotContain("\uFFFD");
    }

    @Test
    void aSecretAcrossTheCutIsMaskedRatherThanHalfKept() {
        String secret = "snd_0123456789abcdef";
        String body = "a".repeat(4086) + secret;

        String cut = ResponseBodyMask.mask(body, List.of(secret));

        assertThat(cut).isEqualTo("a".repeat(4086) + "****").doesNotContain("snd_");
    }
}

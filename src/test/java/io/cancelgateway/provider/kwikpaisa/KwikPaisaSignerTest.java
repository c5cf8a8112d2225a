package io.cancelgateway.provider.kwikpaisa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KwikPaisaSignerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"order_id\":6116229263036}|cea778fa5a41f1fdb806384d9183202785390d7063d4d2cf83ad5ac28ae953ed",
            "{\"order_id\":\"6116229263036\"}|9e6e6b93b3d2c2de9d66b2c8b409c031b638c7f40bebac1cbb8b89f965e66461",
            "{\"amount\":\"100\",\"order_id\":\"123456\"}|6aafa6ffebb2465388bb65c4bcd41a125b218686fa305979d23b4c435af6d209"
    })
    void reproducesTheDocumentedVectors(String payload, String signature) {
        assertThat(KwikPaisaSigner.sign("YOUR_SECRET_KEY", payload, 1778659835L)).isEqualTo(signature);
    }
}

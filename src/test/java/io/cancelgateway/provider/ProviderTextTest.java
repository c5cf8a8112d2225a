package io.cancelgateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProviderTextTest {

    static Stream<Arguments> texts() {
        String emoji = "\uD83D\uDE00";
        return Stream.of(
                Arguments.of(null, null),
                Arguments.of("", ""),
                Arguments.of("order cancelled", "order cancelled"),
                Arguments.of("a".repeat(256), "a".repeat(256)),
                Arguments.of("a".repeat(257), "a".repeat(255) + "…"),
                Arguments.of("b".repeat(1_000_000), "b".repeat(255) + "…"),
                // A character outside the BMP is never cut in half.
                Arguments.of("c".repeat(254) + emoji + "tail", "c".repeat(254) + "…"),
                Arguments.of("c".repeat(253) + emoji + "tail", "c".repeat(253) + emoji + "…"));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void longTextsAreCutToWhatAResultShows(String text, String shown) {
        assertThat(ProviderText.shown(text)).isEqualTo(shown);
    }
}

package io.cancelgateway.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogValueTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "ord_1                 | ord_1",
            "NULL                  | null",
            "a b                   | \"a b\"",
            "'a\" outcome=CANCELLED' | \"a\\\" outcome=CANCELLED\"",
            "a\\b                  | \"a\\\\b\"",
            "ñandú                 | \"ñandú\"",
    })
    void showsPlainValuesAsTheyAreAndQuotesTheOthers(String value, String shown) {
        assertThat(LogValue.of(value)).isEqualTo(shown);
    }

    @org.junit.jupiter.api.Test
    void escapesWhatCouldForgeALineMoveTheCursorOrTurnTheText() {
        assertThat(LogValue.of("a\nINFO forged")).isEqualTo("\"a\\u000aINFO forged\"");
        assertThat(LogValue.of("\u001b[31mred")).isEqualTo("\"\\u001b[31mred\"");
        assertThat(LogValue.of("a\u202eb\u200bc\u0085d")).isEqualTo("\"a\\u202eb\\u200bc\\u0085d\"");
    }

    @org.junit.jupiter.api.Test
    void cutsLongValues() {
        String shown = LogValue.of("x".repeat(50_000_000 / 1000));

        assertThat(shown).hasSizeLessThan(400).startsWith("\"xxx").endsWith("more characters)\"");
    }
}

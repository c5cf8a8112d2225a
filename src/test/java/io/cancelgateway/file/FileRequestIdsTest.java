package io.cancelgateway.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The row-length check counts rows as the CSV reader reads them, quotes included. */
class FileRequestIdsTest {

    private static final int MAX_ROW = 64;
    private static final String MANY_SHORT_LINES = "a\n".repeat(100);

    @TempDir
    Path folder;

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("short rows", "reference\nord_1\nord_2\n", null),
                Arguments.of("a quoted value over lines, short enough", "reference,reason\nord_1,\"two\nlines\"\n",
                        null),
                Arguments.of("doubled quotes inside a quoted value", "reference,reason\nord_1,\"a \"\"b\"\" c\"\n"
                        + MANY_SHORT_LINES, null),
                // A quote inside an unquoted value is a character: the rows after it are rows.
                Arguments.of("a quote inside an unquoted value", "reference,reason\nord_1,5\" screen\n"
                        + MANY_SHORT_LINES, null),
                Arguments.of("a quoted value never closed", "reference\n\"ord_1\n" + MANY_SHORT_LINES, 2),
                Arguments.of("a quoted value after padding, never closed", "reference,reason\nord_1,  \"x\n"
                        + MANY_SHORT_LINES, 2),
                // The quote in x"y is a character, so the second value opens a quote the reader keeps open.
                Arguments.of("a quote after a value with a quote in it", "reference,reason\nx\"y,\"\n"
                        + MANY_SHORT_LINES, 2),
                // What the reader takes for a line break, a byte order mark and padding, the check takes too.
                Arguments.of("a quoted value after a lone CR, never closed", "reference\r\"ord_1\r"
                        + "a\r".repeat(100), 2),
                Arguments.of("rows ended by lone CRs", "reference\r" + "ord_1\r".repeat(100), null),
                Arguments.of("rows ended by CRLF", "reference\r\n" + "ord_1\r\n".repeat(100), null),
                Arguments.of("a quoted value after a byte order mark, never closed", "\uFEFF\"reference\n"
                        + MANY_SHORT_LINES, 1),
                Arguments.of("a quoted value after a vertical tab, never closed", "reference,reason\nord_1,\u000B\"x\n"
                        + MANY_SHORT_LINES, 2),
                Arguments.of("a quoted value after an ideographic space, never closed", "reference,reason\nord_1,"
                        + "\u3000\"x\n" + MANY_SHORT_LINES, 2),
                Arguments.of("a row exactly as long as allowed", "reference\n" + "o".repeat(MAX_ROW) + "\r\n", null),
                Arguments.of("a long row", "reference\n" + "o".repeat(MAX_ROW + 1) + "\n", 2),
                Arguments.of("a long row after others", "reference\nord_1\n\n" + "o".repeat(MAX_ROW + 1), 4));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("files")
    void rowsAreMeasuredAsTheReaderReadsThem(String name, String content, Integer rejectedAtLine) throws IOException {
        Path file = folder.resolve("requests.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);

        if (rejectedAtLine == null) {
            assertThat(FileRequestIds.of(file, MAX_ROW, ',').forRow(1)).startsWith("file:requests.csv:");
        } else {
            assertThatThrownBy(() -> FileRequestIds.of(file, MAX_ROW, ','))
                    .isInstanceOf(CsvFileRejected.class)
                    .hasMessageStartingWith("the row starting on line " + rejectedAtLine + " is longer than 64 bytes");
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("notCsv")
    void aRowTheReaderWouldStopAtRefusesTheFileWhole(String name, String content, String refusal) throws IOException {
        Path file = folder.resolve("requests.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);

        if (refusal == null) {
            assertThat(FileRequestIds.of(file, MAX_ROW, ',').forRow(1)).startsWith("file:requests.csv:");
        } else {
            assertThatThrownBy(() -> FileRequestIds.of(file, MAX_ROW, ',')).isInstanceOf(CsvFileRejected.class)
                    .hasMessage(refusal);
        }
    }

    static Stream<Arguments> notCsv() {
        String afterQuote = "the row starting on line 2 has more after a quoted value's closing quote than blanks "
                + "before the next delimiter; no row was processed";
        return Stream.of(
                Arguments.of("characters after a closing quote", "reference\n\"pay_a\"x\npay_b\n", afterQuote),
                Arguments.of("characters after a closing quote and blanks", "reference,reason\n\"pay_a\" x,y\n",
                        afterQuote),
                Arguments.of("blanks after a closing quote", "reference,reason\n\"pay_a\"  ,y\npay_b,z\n", null),
                Arguments.of("a closing quote at the end", "reference\n\"pay_a\"", null),
                Arguments.of("a quote never closed in a short file", "reference\n\"pay_a\npay_b\n",
                        "the row starting on line 2 opens a quoted value that is never closed; no row was processed"));
    }

    @Test
    void theDelimiterCountsAsTheConfiguredOne() throws IOException {
        Path file = folder.resolve("semicolons.csv");
        Files.writeString(file, "reference;reason\nx\"y;\"\n" + MANY_SHORT_LINES, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> FileRequestIds.of(file, MAX_ROW, ';')).isInstanceOf(CsvFileRejected.class);
        assertThat(FileRequestIds.of(file, MAX_ROW, ',').forRow(1)).startsWith("file:semicolons.csv:");
    }

    @Test
    void aDelimiterTheReaderCannotTellApartIsRefused() {
        for (char refused : new char[] { '"', ' ', '\n', '\r', '§' }) {
            assertThatThrownBy(() -> ProcessCsvFile.usable(refused)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("cancel.file.delimiter must be one ASCII character");
        }
        for (char accepted : new char[] { ',', ';', '\t', '|' }) {
            assertThat(ProcessCsvFile.usable(accepted)).isEqualTo(accepted);
        }
    }
}

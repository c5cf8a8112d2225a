package io.cancelgateway.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cancelgateway.model.CancelRequest;

class CsvRequestReaderTest {

    private static final String FULL_HEADER = "request_id,provider,merchant_id,reference,reason,customer_id\n";

    @Test
    void aPlainFileGivesOneRequestPerRow() {
        String file = FULL_HEADER
                + "req-1,juspay-order,m-1,ord-1,customer asked,cust-1\n"
                + "req-2,hyperswitch,m-2,pay_2,duplicate,cust-2\n";

        try (CsvRequestReader reader = reader(file)) {
            assertThat(reader.header())
                    .containsExactly("request_id", "provider", "merchant_id", "reference", "reason", "customer_id");
            assertThat(rows(reader)).containsExactly(
                    new CsvRow(1, new CancelRequest("req-1", "juspay-order", "m-1", "ord-1", "customer asked",
                            "cust-1", null), null),
                    new CsvRow(2, new CancelRequest("req-2", "hyperswitch", "m-2", "pay_2", "duplicate", "cust-2", null),
                            null));
        }
    }

    @Test
    void aSpreadsheetExportIsReadAsWritten() {
        String file = "\uFEFF Customer_ID , REFERENCE,Reason ,note\r\n"
                + "cust-1, ord-1 ,\"cancel, please \"\"now\"\"\r\nsecond line\",extra,more\r\n"
                + "\r\n"
                + "cust-2,ord-2,,x\r\n";

        try (CsvRequestReader reader = reader(file)) {
            assertThat(reader.header()).containsExactly("Customer_ID", "REFERENCE", "Reason", "note");
            assertThat(rows(reader)).containsExactly(
                    new CsvRow(1, request("ord-1", "cancel, please \"now\"\r\nsecond line", "cust-1"), null),
                    new CsvRow(2, request("ord-2", null, "cust-2"), null));
        }
    }

    @Test
    void aSemicolonFileIsReadWithItsDelimiter() {
        String file = "reference;provider;reason\nord-1;juspay-order;late, wrong size\n";

        try (CsvRequestReader reader = new CsvRequestReader(bytes(file), ';')) {
            assertThat(rows(reader)).containsExactly(new CsvRow(1,
                    new CancelRequest(null, "juspay-order", null, "ord-1", "late, wrong size", null, null), null));
        }
    }

    @Test
    void unquotedValuesAreTrimmedQuotedOnesKeptAndEmptyCellsAreNull() {
        String file = "reference,reason,customer_id\n  ord-1  ,\"  two spaces  \", \n \" ord-2\" ,\"\",\t\n";

        try (CsvRequestReader reader = reader(file)) {
            assertThat(rows(reader)).containsExactly(
                    new CsvRow(1, request("ord-1", "  two spaces  ", null), null),
                    new CsvRow(2, request(" ord-2", null, null), null));
        }
    }

    @Test
    void aHeaderWithoutRowsGivesNoRows() {
        try (CsvRequestReader reader = reader("reference,provider\r\n")) {
            assertThat(reader.header()).containsExactly("reference", "provider");
            assertThat(reader.hasNext()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "\uFEFF", "\r\n\r\n", "\n  \n,,\n" })
    void aFileWithoutHeaderIsRejected(String file) {
        assertThatThrownBy(() -> reader(file))
                .isInstanceOf(CsvFileRejected.class)
                .hasMessage("the file has no header row");
    }

    @Test
    void aHeaderWithoutReferenceIsRejectedNamingTheColumnsFound() {
        assertThatThrownBy(() -> reader("request_id, Provider ,ref,order id\nr-1,juspay-order,ord-1,x\n"))
                .isInstanceOf(CsvFileRejected.class)
                .hasMessage("the header has no reference column; columns found: request_id, Provider, ref, order id");
    }

    @Test
    void aHeaderNamingAFieldTwiceIsRejected() {
        assertThatThrownBy(() -> reader("reference,provider,Reference\nord-1,juspay-order,ord-2\n"))
                .isInstanceOf(CsvFileRejected.class)
                .hasMessage("the header has the column reference more than once");
    }

    @Test
    void aHeaderThatIsNotACsvRecordIsRejected() {
        assertThatThrownBy(() -> reader("reference,\"reason\nord-1,x\n"))
                .isInstanceOf(CsvFileRejected.class)
                .hasMessageStartingWith("the header row cannot be read as CSV: ");
    }

    @Test
    void binaryDataIsRejected() {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        garbage[3] = 0;
        garbage[1] = (byte) 0xFF;

        assertThatThrownBy(() -> rows(new CsvRequestReader(new ByteArrayInputStream(garbage))))
                .isInstanceOf(CsvFileRejected.class)
                .hasMessageStartingWith("the file is not UTF-8 text: ");
    }

    @Test
    void invalidUtf8InTheHeaderIsRejectedWithItsLine() {
        byte[] file = concat("refer".getBytes(StandardCharsets.UTF_8), new byte[] { (byte) 0xC3, '(' },
                "ence\nord-1\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> new CsvRequestReader(new ByteArrayInputStream(file)))
                .isInstanceOf(CsvFileRejected.class)
                .hasMessage("the file is not UTF-8 text: invalid UTF-8 bytes on line 1");
    }

    @Test
    void aNulCharacterIsRejectedWithItsLine() {
        try (CsvRequestReader reader = reader("reference\r\nord-1\r\nord\u00002\r\n")) {
            assertThat(reader.next().request().reference()).isEqualTo("ord-1");
            assertThatThrownBy(reader::hasNext)
                    .isInstanceOf(CsvFileRejected.class)
                    .hasMessage("the file is not UTF-8 text: a NUL character (binary data) on line 3");
        }
    }

    @Test
    void invalidUtf8InALaterRowIsRejectedAfterTheRowsBeforeIt() {
        StringBuilder valid = new StringBuilder("reference,reason\n");
        for (int i = 1; i <= 5000; i++) {
            valid.append("ord-").append(i).append(",caf\u00e9\n");
        }
        byte[] file = concat(valid.toString().getBytes(StandardCharsets.UTF_8),
                "ord-x,caf".getBytes(StandardCharsets.UTF_8), new byte[] { (byte) 0xE9 },
                "\nord-y,ok\n".getBytes(StandardCharsets.UTF_8));
        List<CsvRow> read = new ArrayList<>();

        try (CsvRequestReader reader = new CsvRequestReader(new ByteArrayInputStream(file))) {
            assertThatThrownBy(() -> reader.forEachRemaining(read::add))
                    .isInstanceOf(CsvFileRejected.class)
                    .hasMessage("the file is not UTF-8 text: invalid UTF-8 bytes on line 5002");
        }
        assertThat(read).hasSize(5000);
        assertThat(read.get(4999)).isEqualTo(new CsvRow(5000, request("ord-5000", "caf\u00e9", null), null));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\n", "\r\n", "\r" })
    void theRejectedLineIsCountedWhateverTheLineEnds(String lineEnd) {
        byte[] file = concat(("reference" + lineEnd + "ord-1" + lineEnd + "ord-").getBytes(StandardCharsets.UTF_8),
                new byte[] { (byte) 0xFF }, lineEnd.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> rows(new CsvRequestReader(new ByteArrayInputStream(file))))
                .isInstanceOf(CsvFileRejected.class)
                .hasMessage("the file is not UTF-8 text: invalid UTF-8 bytes on line 3");
    }

    @Test
    void aMultiByteCharacterCutAtTheEndOfTheFileIsRejected() {
        byte[] file = concat("reference\nord-".getBytes(StandardCharsets.UTF_8), new byte[] { (byte) 0xC3 });

        assertThatThrownBy(() -> rows(new CsvRequestReader(new ByteArrayInputStream(file))))
                .isInstanceOf(CsvFileRejected.class)
                .hasMessage("the file is not UTF-8 text: invalid UTF-8 bytes on line 2");
    }

    @Test
    void rowsAreNumberedWithoutTheBlankLines() {
        String file = "\nreference\n\nA\n\n\n B \n   \n,,\nC\n\n";

        try (CsvRequestReader reader = reader(file)) {
            assertThat(rows(reader)).extracting(row -> row.row() + "=" + row.request().reference())
                    .containsExactly("1=A", "2=B", "3=C");
        }
    }

    @Test
    void aRowWithFewerCellsLacksTheRestAndExtraCellsAreIgnored() {
        String file = FULL_HEADER + "req-1,juspay-order\nreq-2,hyperswitch,m-2,pay_2,why,cust-2,extra,more\n";

        try (CsvRequestReader reader = reader(file)) {
            assertThat(rows(reader)).containsExactly(
                    new CsvRow(1, new CancelRequest("req-1", "juspay-order", null, null, null, null, null), null),
                    new CsvRow(2, new CancelRequest("req-2", "hyperswitch", "m-2", "pay_2", "why", "cust-2", null), null));
        }
    }

    @Test
    void aQuoteLeftOpenToTheEndGivesTheLastRowAProblemAndEndsTheReading() {
        String file = "reference,reason\nord-1,fine\nord-2,\"never closed\nord-3,swallowed\n";

        try (CsvRequestReader reader = reader(file)) {
            List<CsvRow> read = rows(reader);

            assertThat(read).hasSize(2);
            assertThat(read.get(0)).isEqualTo(new CsvRow(1, request("ord-1", "fine", null), null));
            assertThat(read.get(1).row()).isEqualTo(2);
            assertThat(read.get(1).request()).isEqualTo(new CancelRequest(null, null, null, null, null, null, null));
            assertThat(read.get(1).problem())
                    .startsWith("the row cannot be read as CSV (")
                    .contains("EOF reached before encapsulated token finished")
                    .endsWith("); the rest of the file was not read");
            assertThat(reader.hasNext()).isFalse();
        }
    }

    @Test
    void textAfterAClosingQuoteGivesThatRowAProblemAndEndsTheReading() {
        try (CsvRequestReader reader = reader("reference\n\"ord-1\"x\nord-2\n")) {
            List<CsvRow> read = rows(reader);

            assertThat(read).hasSize(1);
            assertThat(read.get(0).row()).isEqualTo(1);
            assertThat(read.get(0).problem()).contains("Invalid character between encapsulated token and delimiter");
        }
    }

    @Test
    void closingTheReaderClosesTheFile() {
        TrackedStream file = new TrackedStream("reference\nord-1\n");

        new CsvRequestReader(file).close();

        assertThat(file.closed).isTrue();
    }

    @Test
    void aRejectedFileIsClosed() {
        TrackedStream file = new TrackedStream("provider\njuspay-order\n");

        assertThatThrownBy(() -> new CsvRequestReader(file)).isInstanceOf(CsvFileRejected.class);
        assertThat(file.closed).isTrue();
    }

    private static CancelRequest request(String reference, String reason, String customerId) {
        return new CancelRequest(null, null, null, reference, reason, customerId, null);
    }

    private static CsvRequestReader reader(String file) {
        return new CsvRequestReader(bytes(file));
    }

    private static ByteArrayInputStream bytes(String file) {
        return new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8));
    }

    private static List<CsvRow> rows(CsvRequestReader reader) {
        List<CsvRow> rows = new ArrayList<>();
        reader.forEachRemaining(rows::add);
        return rows;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private static final class TrackedStream extends ByteArrayInputStream {
        private boolean closed;

        TrackedStream(String text) {
            super(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}

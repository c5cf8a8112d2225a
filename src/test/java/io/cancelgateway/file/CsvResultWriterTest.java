package io.cancelgateway.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Channel;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.model.SyncState;

class CsvResultWriterTest {

    private static final String HEADER = "row,request_id,provider,merchant_id,reference,reason,customer_id,"
            + "parent_reference,outcome,retryable,replayed,provider_status,provider_code,provider_message,http_status,cancelled_at,attempts,"
            + "error\r\n";

    @Test
    void aFileWithoutResultsHasTheHeader() {
        assertThat(written(',', writer -> { })).isEqualTo(HEADER);
    }

    @Test
    void aResultIsOneCrlfLineInColumnOrder() {
        CancelRequest request = new CancelRequest("req-1", "juspay-order", "m-1", "ord-1", "customer asked", "cust-1",
                "po-1");
        CancelResult result = new CancelResult("req-1", "juspay-order", "m-1", "ord-1", Outcome.CANCELLED, false,
                "Success", null, "Order cancelled successfully", 200, "2025-01-02T03:04:05+05:30",
                "2025-01-01T21:34:06Z", 1, 812, Channel.FILE, null, true, null, null, null, 0);

        assertThat(written(',', writer -> writer.write(7, request, result))).isEqualTo(HEADER
                + "7,req-1,juspay-order,m-1,ord-1,customer asked,cust-1,po-1,CANCELLED,false,true,Success,,"
                + "Order cancelled successfully,200,2025-01-02T03:04:05+05:30,1,\r\n");
    }

    @Test
    void anUpdatesFileHasNoRowNumberAndAddsTheSyncState() {
        CancelRequest request = new CancelRequest("req-9", "juspay-payout", "m-1", "ful-1", null, "cust-1", "po-1");
        CancelResult result = new CancelResult("req-9", "juspay-payout", "m-1", "ful-1", Outcome.CANCELLED, false,
                "CANCELLED", null, null, 200, "2025-01-16T08:12:02Z", "2025-01-16T08:11:00Z", 1, 40, Channel.FILE, null,
                false, SyncState.FINAL, null, "2025-01-16T08:13:00Z", 2);
        StringWriter out = new StringWriter();

        try (CsvResultWriter writer = new CsvResultWriter(out, ',', true, true)) {
            writer.write(null, request, result);
        }

        assertThat(out.toString()).isEqualTo(HEADER.replace("\r\n", ",sync_state\r\n")
                + ",req-9,juspay-payout,m-1,ful-1,,cust-1,po-1,CANCELLED,false,false,CANCELLED,,,200,"
                + "2025-01-16T08:12:02Z,1,,FINAL\r\n");
    }

    @Test
    void nullsAreEmptyCells() {
        CancelRequest request = new CancelRequest(null, null, null, null, null, null, null);
        CancelResult result = CancelResult.withoutCall(request, Outcome.INVALID, "reference is required");

        assertThat(written(',', writer -> writer.write(1, request, result)))
                .isEqualTo(HEADER + "1,,,,,,,,INVALID,false,false,,,,,,0,reference is required\r\n");
    }

    @Test
    void identifyingFieldsComeFromTheResultWhereItHasThem() {
        CancelRequest request = new CancelRequest(null, "juspay-order", null, "ord-1", "why", "cust-1", null);
        CancelResult result = new CancelResult("generated-1", null, "m-routed", "ord-1", Outcome.ERROR, true, null,
                null, null, 503, null, null, 3, 0, Channel.FILE, "provider unavailable", false, null, null, null, 0);

        assertThat(written(',', writer -> writer.write(2, request, result))).isEqualTo(HEADER
                + "2,generated-1,juspay-order,m-routed,ord-1,why,cust-1,,ERROR,true,false,,,,503,,3,provider unavailable"
                + "\r\n");
    }

    @Test
    void valuesAreQuotedOnlyWhereCsvNeedsIt() {
        CancelRequest request = new CancelRequest("req-1", "juspay-order", "m-1", "ord-1",
                "late, \"wrong\" size\r\nsee note", "cust;1", null);
        CancelResult result = CancelResult.withoutCall(request, Outcome.REJECTED, "not a formula");

        assertThat(written(',', writer -> writer.write(1, request, result))).isEqualTo(HEADER
                + "1,req-1,juspay-order,m-1,ord-1,\"late, \"\"wrong\"\" size\r\nsee note\",cust;1,,REJECTED,false,false,"
                + ",,,,,0,not a formula\r\n");
    }

    @Test
    void theInputDelimiterCanBeUsed() {
        CancelRequest request = new CancelRequest(null, null, null, "ord-1", "late, wrong", "cust;1", null);
        CancelResult result = CancelResult.withoutCall(request, Outcome.INVALID, "no provider");

        assertThat(written(';', writer -> writer.write(1, request, result))).isEqualTo(HEADER.replace(',', ';')
                + "1;;;;ord-1;late, wrong;\"cust;1\";;INVALID;false;false;;;;;;0;no provider\r\n");
    }

    @Test
    void aStreamGetsUtf8WithoutByteOrderMark() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CancelRequest request = new CancelRequest(null, null, null, "ord-\u00e9", null, null, null);

        try (CsvResultWriter writer = new CsvResultWriter(out, ',', true)) {
            writer.write(1, request, CancelResult.withoutCall(request, Outcome.NOT_FOUND, null));
        }

        byte[] bytes = out.toByteArray();
        assertThat(bytes[0]).isEqualTo((byte) 'r');
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("ord-\u00e9");
        assertThat(bytes).containsSequence('o', 'r', 'd', '-', 0xC3, 0xA9);
    }

    @Test
    void escapesTextCellsASpreadsheetWouldRunAsFormulas() {
        CancelRequest request = new CancelRequest("r-1", "hyperswitch", "m-1", "ord-1", "=cmd|'/c calc'!A1",
                "+c1", null);
        CancelResult answered = new CancelResult("r-1", "hyperswitch", "m-1", "ord-1", Outcome.REJECTED, false,
                "@status", "-12", "\tTab first", 409, null, null, 1, 5, null, "\rcarriage", false, null, null, null, 0);

        String file = written(',', true, writer -> writer.write(1, request, answered));

        assertThat(file).endsWith("1,r-1,hyperswitch,m-1,ord-1,'=cmd|'/c calc'!A1,'+c1,,REJECTED,false,false,"
                + "'@status,'-12,'\tTab first,409,,1,\"'\rcarriage\"\r\n");
        assertThat(written(',', false, writer -> writer.write(1, request, answered)))
                .contains(",=cmd|'/c calc'!A1,+c1,");
    }

    @Test
    void whatIsWrittenReadsBackUnchanged() throws IOException {
        List<String> awkward = List.of("a,b", "say \"no\"", "two\r\nlines", "lf\nonly", " padded ", "=1+2", "-3",
                "@cmd", "\u65e5\u672c caf\u00e9", "#hash", "semi;colon", "tab\tinside");
        List<CancelRequest> requests = new ArrayList<>();
        for (int i = 0; i < awkward.size(); i++) {
            requests.add(new CancelRequest("req-" + i, "hyperswitch", "m-" + i, awkward.get(i), awkward.get(i),
                    awkward.get(i), awkward.get(i)));
        }

        String file = written(',', false, writer -> {
            for (int i = 0; i < requests.size(); i++) {
                CancelRequest request = requests.get(i);
                writer.write(i + 1, request, CancelResult.withoutCall(request, Outcome.PENDING, awkward.get(i)));
            }
        });

        try (CSVParser parser = CSVParser.parse(new StringReader(file), CSVFormat.RFC4180)) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(records.get(0).toList()).isEqualTo(CsvResultWriter.COLUMNS);
            assertThat(records).hasSize(awkward.size() + 1);
            for (int i = 0; i < awkward.size(); i++) {
                String value = awkward.get(i);
                assertThat(records.get(i + 1).toList()).containsExactly(String.valueOf(i + 1), "req-" + i,
                        "hyperswitch", "m-" + i, value, value, value, value, "PENDING", "false", "false", "", "", "", "", "",
                        "0", value);
            }
        }
        try (CsvRequestReader reader = new CsvRequestReader(
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)))) {
            List<CancelRequest> readBack = new ArrayList<>();
            reader.forEachRemaining(row -> readBack.add(row.request()));
            assertThat(readBack).isEqualTo(requests);
        }
    }

    private interface Writing {
        void to(CsvResultWriter writer);
    }

    private static String written(char delimiter, Writing writing) {
        return written(delimiter, true, writing);
    }

    private static String written(char delimiter, boolean escapeFormulas, Writing writing) {
        StringWriter out = new StringWriter();
        try (CsvResultWriter writer = new CsvResultWriter(out, delimiter, escapeFormulas, false)) {
            writing.to(writer);
        }
        return out.toString();
    }
}

package io.cancelgateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {

    private static final String HEADER = "row,request_id,provider,merchant_id,reference,reason,customer_id,outcome,"
            + "retryable,replayed,provider_status,provider_code,provider_message,http_status,cancelled_at,attempts,"
            + "error\n";

    @Test
    void everyRowAnsweredInOrderAndCancelledIsComplete(@TempDir Path dir) throws Exception {
        Path results = Files.writeString(dir.resolve("a.results.csv"), HEADER
                + "1,file:a:1,hyperswitch,,bench-file-1,,,CANCELLED,false,false,cancelled,,,200,,1,\n"
                + "2,file:a:2,hyperswitch,,bench-file-2,,,CANCELLED,false,false,cancelled,,,200,,1,\n");

        ResultsFile.Summary summary = ResultsFile.summarize(results);

        assertThat(summary.complete(2)).isTrue();
        assertThat(summary.errors(2)).isZero();
        assertThat(summary.outcomes()).isEqualTo(Map.of("CANCELLED", 2));
        assertThat(summary.describe()).isEqualTo("2 result rows, 2 in order, outcomes {CANCELLED=2}");
    }

    @Test
    void missingRowsRowsOutOfOrderAndOtherOutcomesAreCounted(@TempDir Path dir) throws Exception {
        Path results = Files.writeString(dir.resolve("a.results.csv"), HEADER
                + "2,file:a:2,hyperswitch,,bench-file-2,,,CANCELLED,false,false,cancelled,,,200,,1,\n"
                + "1,file:a:1,hyperswitch,,bench-file-1,,,ERROR,true,false,,,,503,,3,\"provider, down\"\n");

        ResultsFile.Summary summary = ResultsFile.summarize(results);

        assertThat(summary.rows()).isEqualTo(2);
        assertThat(summary.rowsInOrder()).isZero();
        assertThat(summary.errors(3)).as("one missing, one not cancelled").isEqualTo(2);
        assertThat(summary.complete(2)).isFalse();
    }
}

package io.cancelgateway.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CsvRequestReaderStreamingTest {

    private static final int ROWS = 1_000_000;

    @Test
    void aMillionRowFileIsReadRowByRow() {
        int count = 0;
        CsvRow last = null;

        try (CsvRequestReader reader = new CsvRequestReader(new GeneratedRequestFile(ROWS))) {
            while (reader.hasNext()) {
                last = reader.next();
                count++;
            }
        }

        assertThat(count).isEqualTo(ROWS);
        assertThat(last.row()).isEqualTo(ROWS);
        assertThat(last.request().reference()).isEqualTo("ord-" + ROWS);
        assertThat(last.request().requestId()).isEqualTo("req-" + ROWS);
        assertThat(last.problem()).isNull();
    }

    /** A request file produced line by line as it is read, so the test itself never holds the whole file. */
    private static final class GeneratedRequestFile extends InputStream {

        private final int rows;
        private int linesMade;
        private byte[] line = "request_id,provider,reference,reason\r\n".getBytes(StandardCharsets.UTF_8);
        private int position;

        GeneratedRequestFile(int rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            if (!lineLeft()) {
                return -1;
            }
            return line[position++] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            int copied = 0;
            while (copied < length && lineLeft()) {
                int count = Math.min(length - copied, line.length - position);
                System.arraycopy(line, position, target, offset + copied, count);
                position += count;
                copied += count;
            }
            return copied == 0 ? -1 : copied;
        }

        private boolean lineLeft() {
            if (position < line.length) {
                return true;
            }
            if (linesMade == rows) {
                return false;
            }
            linesMade++;
            line = ("req-" + linesMade + ",juspay-order,ord-" + linesMade + ",\"customer asked, twice\"\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }
    }
}

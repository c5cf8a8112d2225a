package io.cancelgateway.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;

/**
 * Writes a result file: RFC 4180 CSV, UTF-8 without byte order mark, CRLF line ends, a header then one line per result.
 * Values are written unchanged (an ERP imports them back), quoted only where CSV needs it; null is an empty cell. The
 * header is written on construction, so a file without rows still names its columns. Closing the writer closes the
 * target.
 */
public final class CsvResultWriter implements Closeable {

    public static final List<String> COLUMNS = List.of("row", "request_id", "provider", "merchant_id", "reference",
            "reason", "customer_id", "outcome", "retryable", "replayed", "provider_status", "provider_code",
            "provider_message", "http_status", "cancelled_at", "attempts", "error");

    private final CSVPrinter printer;

    public CsvResultWriter(OutputStream target, char delimiter) {
        this(new OutputStreamWriter(target, StandardCharsets.UTF_8), delimiter);
    }

    public CsvResultWriter(Writer target, char delimiter) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
        try {
            printer = new CSVPrinter(target, format);
            printer.printRecord(COLUMNS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the result of data row {@code row}. The identifying fields come from the result, which holds them as the
     * flow resolved them (a generated request id, a routed provider), else from the request; reason and customer id
     * only the request has.
     */
    public void write(int row, CancelRequest request, CancelResult result) {
        try {
            printer.printRecord(row,
                    either(result.requestId(), request.requestId()),
                    either(result.provider(), request.provider()),
                    either(result.merchantId(), request.merchantId()),
                    either(result.reference(), request.reference()),
                    request.reason(),
                    request.customerId(),
                    result.outcome() == null ? null : result.outcome().name(),
                    result.retryable(),
                    result.replayed(),
                    result.providerStatus(),
                    result.providerCode(),
                    result.providerMessage(),
                    result.httpStatus(),
                    result.cancelledAt(),
                    result.attempts(),
                    result.error());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String either(String fromResult, String fromRequest) {
        return fromResult != null ? fromResult : fromRequest;
    }
}

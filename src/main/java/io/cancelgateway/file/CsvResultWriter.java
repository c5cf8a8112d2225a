package io.cancelgateway.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;

/**
 * Writes a result file: RFC 4180 CSV, UTF-8 without byte order mark, CRLF line ends, a header then one line per result.
 * Values are written unchanged (an ERP imports them back), quoted only where CSV needs it; null is an empty cell. A
 * text cell a spreadsheet would run as a formula (starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return) gets a leading {@code '}, unless {@code cancel.file.escape-formulas} is false (OWASP's advice for
 * CSV injection). The header is written on construction, so a file without rows still names its columns. Closing the
 * writer closes the target.
 */
public final class CsvResultWriter implements Closeable {

    public static final List<String> COLUMNS = List.of("row", "request_id", "provider", "merchant_id", "reference",
            "reason", "customer_id", "parent_reference", "outcome", "retryable", "replayed", "provider_status",
            "provider_code", "provider_message", "http_status", "cancelled_at", "attempts", "error");
    /** An updates file's columns: a results file's, and the result's sync state. */
    public static final List<String> UPDATE_COLUMNS = Stream.concat(COLUMNS.stream(), Stream.of("sync_state"))
            .toList();

    private final CSVPrinter printer;
    private final boolean escapeFormulas;
    private final boolean withSyncState;

    public CsvResultWriter(OutputStream target, char delimiter, boolean escapeFormulas) {
        this(new OutputStreamWriter(target, StandardCharsets.UTF_8), delimiter, escapeFormulas, false);
    }

    /**
     * @param withSyncState whether to write an updates file ({@link #UPDATE_COLUMNS}) rather than a results file
     */
    public CsvResultWriter(Writer target, char delimiter, boolean escapeFormulas, boolean withSyncState) {
        this.escapeFormulas = escapeFormulas;
        this.withSyncState = withSyncState;
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
        try {
            printer = new CSVPrinter(target, format);
            printer.printRecord(withSyncState ? UPDATE_COLUMNS : COLUMNS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the result of data row {@code row} (null in an updates file, whose results come from many files). The
     * identifying fields come from the result, which holds them as the flow resolved them (a generated request id, a
     * routed provider), else from the request; reason, customer id and parent reference only the request has.
     */
    public void write(Integer row, CancelRequest request, CancelResult result) {
        List<Object> cells = new ArrayList<>(UPDATE_COLUMNS.size());
        Collections.addAll(cells, row,
                    text(either(result.requestId(), request.requestId())),
                    text(either(result.provider(), request.provider())),
                    text(either(result.merchantId(), request.merchantId())),
                    text(either(result.reference(), request.reference())),
                    text(request.reason()),
                    text(request.customerId()),
                    text(request.parentReference()),
                    result.outcome() == null ? null : result.outcome().name(),
                    result.retryable(),
                    result.replayed(),
                    text(result.providerStatus()),
                    text(result.providerCode()),
                    text(result.providerMessage()),
                    result.httpStatus(),
                    result.cancelledAt(),
                    result.attempts(),
                    text(result.error()));
        if (withSyncState) {
            cells.add(result.syncState() == null ? null : result.syncState().name());
        }
        try {
            printer.printRecord(cells);
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

    /** A text cell as written: a leading {@code '} keeps a spreadsheet from running it as a formula. */
    private String text(String value) {
        if (!escapeFormulas || value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }

    private static String either(String fromResult, String fromRequest) {
        return fromResult != null ? fromResult : fromRequest;
    }
}

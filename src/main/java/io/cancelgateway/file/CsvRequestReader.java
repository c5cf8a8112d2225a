package io.cancelgateway.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.cancelgateway.model.CancelRequest;

/**
 * Reads a request file row by row, holding one record at a time, so a file of any length is read in constant memory.
 * <p>
 * The file is RFC 4180 CSV in UTF-8 (a byte order mark is dropped) with LF or CRLF line ends and a header row naming
 * the request fields request_id, provider, merchant_id, reference, reason, customer_id and parent_reference, trimmed
 * and ignoring case, in any order. Only reference is required; other columns are ignored; a field named twice rejects the file.
 * <p>
 * Spaces around a value are trimmed, as spreadsheets pad columns; a quoted value is kept exactly as written between its
 * quotes, so quoting is how a file keeps significant spaces. An empty cell is null, and so is a cell the row does not
 * have; cells beyond the header are ignored. Lines whose cells are all empty are skipped (spreadsheets export trailing
 * rows as bare delimiters) and are not numbered.
 * <p>
 * Whatever makes the whole file unusable throws {@link CsvFileRejected}: bytes that are not UTF-8 text, no header row,
 * no reference column. It may be thrown while rows are read, after earlier rows were returned. A row that is not a CSV
 * record (a quote left open to the end of the file, text after a closing quote) is returned with a problem and ends the
 * reading, since the rows after it cannot be told apart reliably. Closing the reader closes the stream.
 */
public final class CsvRequestReader implements Iterator<CsvRow>, Closeable {

    public static final char DEFAULT_DELIMITER = ',';

    private static final CancelRequest UNREADABLE = new CancelRequest(null, null, null, null, null, null, null);

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final RequestColumns columns;
    private int rowsRead;
    private CsvRow nextRow;
    private boolean ended;

    public CsvRequestReader(InputStream file) {
        this(file, DEFAULT_DELIMITER);
    }

    /** Reads the header at once, so a file without usable header is rejected here. */
    public CsvRequestReader(InputStream file, char delimiter) {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
        try {
            parser = CSVParser.parse(new StrictUtf8Reader(file), format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        records = parser.iterator();
        try {
            header = readHeader();
            columns = RequestColumns.of(header);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The header's column names as the file has them, trimmed. */
    public List<String> header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        if (nextRow == null && !ended) {
            nextRow = readRow();
        }
        return nextRow != null;
    }

    @Override
    public CsvRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows");
        }
        CsvRow row = nextRow;
        nextRow = null;
        return row;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> readHeader() {
        CSVRecord record;
        try {
            record = nextRecord();
        } catch (CSVException e) {
            throw new CsvFileRejected("the header row cannot be read as CSV: " + e.getMessage());
        }
        if (record == null) {
            throw new CsvFileRejected("the file has no header row");
        }
        List<String> names = new ArrayList<>(record.size());
        record.forEach(name -> names.add(name.strip()));
        return List.copyOf(names);
    }

    private CsvRow readRow() {
        try {
            CSVRecord record = nextRecord();
            if (record == null) {
                ended = true;
                return null;
            }
            return new CsvRow(++rowsRead, columns.requestFrom(record), null);
        } catch (CSVException e) {
            // A guard: the file channel's check before any row (FileRequestIds) refuses the rows it knows of first.
            ended = true;
            return new CsvRow(++rowsRead, UNREADABLE,
                    "the row cannot be read as CSV (" + e.getMessage() + "); the rest of the file was not read");
        }
    }

    /** The next record that has a non-empty cell, or null at the end of the file. */
    private CSVRecord nextRecord() throws CSVException {
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (!isBlank(record)) {
                    return record;
                }
            }
            return null;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException malformed) {
                throw malformed;
            }
            throw e;
        }
    }

    private static boolean isBlank(CSVRecord record) {
        for (String cell : record) {
            if (!cell.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}

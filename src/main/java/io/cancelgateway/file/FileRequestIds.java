package io.cancelgateway.file;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Request ids for rows that carry none: derived from the file's name, its content and the row number, so the same file
 * dropped again is answered from the journal, while another file with the same name is processed anew.
 */
final class FileRequestIds {

    private static final int NAME_LENGTH = 60;

    private final String prefix;

    private FileRequestIds(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Reads the whole file once, streaming, to hash its content, and checks on the way that it is UTF-8 text and that
     * no row is longer than {@code maxRowBytes}, so that an oversized value is refused before any row is processed and
     * without ever being held whole. Rows are measured as the CSV reader reads them ({@link RowLengths}).
     *
     * @throws CsvFileRejected naming the line where the first row too long or not CSV starts, or where the text stops
     *         being UTF-8
     */
    static FileRequestIds of(Path file, int maxRowBytes, char delimiter) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
        RowLengths rows = new RowLengths(maxRowBytes, delimiter);
        char[] buffer = new char[8192];
        try (Reader text = new StrictUtf8Reader(
                new DigestInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), sha256))) {
            for (int read = text.read(buffer); read > 0; read = text.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    rows.accept(buffer[i]);
                }
            }
        }
        rows.finish();
        String content = HexFormat.of().formatHex(sha256.digest(), 0, 12);
        String name = file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.length() > NAME_LENGTH) {
            name = name.substring(0, NAME_LENGTH);
        }
        return new FileRequestIds("file:" + name + ":" + content + ":");
    }

    String forRow(int row) {
        return prefix + row;
    }

    /**
     * The length in UTF-8 bytes of each row as the CSV reader (Commons CSV, RFC 4180, surrounding spaces ignored) reads
     * it, one character at a time: a line break (CRLF, LF or a lone CR) outside quotes ends the row; a quote opens a
     * quoted value only at the start of a value, after any whitespace, and is an ordinary character inside an unquoted
     * one ({@code 5" screen}); a doubled quote inside a quoted value stands for a quote. Counted any other way, a file
     * could hide an unbounded quoted value from the check.
     */
    static final class RowLengths {

        private final int maxRowBytes;
        private final char delimiter;
        private Lexing state = Lexing.VALUE_START;
        private long line = 1;
        private long rowStartLine = 1;
        private long rowBytes;
        private boolean afterCarriageReturn;

        RowLengths(int maxRowBytes, char delimiter) {
            this.maxRowBytes = maxRowBytes;
            this.delimiter = delimiter;
        }

        void accept(char c) throws CsvFileRejected {
            boolean endsRow = (c == '\n' || c == '\r') && !state.quoted();
            rowBytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            if (rowBytes > maxRowBytes && !endsRow) {
                throw new CsvFileRejected("the row starting on line " + rowStartLine + " is longer than "
                        + maxRowBytes + " bytes (cancel.file.max-line-bytes)" + (state.quoted()
                                ? ", or a quote opened there is never closed" : "") + "; no row was processed");
            }
            if (c == '\r' || c == '\n' && !afterCarriageReturn) {
                line++;
            }
            afterCarriageReturn = c == '\r';
            state = state.next(c, delimiter);
            // The reader would stop at this row, and the rows after it would go unanswered: the file is refused whole.
            if (state == Lexing.NOT_CSV) {
                throw new CsvFileRejected("the row starting on line " + rowStartLine + " has more after a quoted "
                        + "value's closing quote than blanks before the next delimiter; no row was processed");
            }
            if (state == Lexing.ROW_END) {
                rowBytes = 0;
                rowStartLine = line;
                state = Lexing.VALUE_START;
            }
        }

        /** At the end of the file: a quoted value still open would end the reader at its row. */
        void finish() throws CsvFileRejected {
            if (state.quoted()) {
                throw new CsvFileRejected("the row starting on line " + rowStartLine + " opens a quoted value that is "
                        + "never closed; no row was processed");
            }
        }
    }

    /** Where the CSV reader is in a row. */
    enum Lexing {
        VALUE_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, AFTER_QUOTED, ROW_END, NOT_CSV;

        Lexing next(char c, char delimiter) {
            boolean lineBreak = c == '\n' || c == '\r';
            return switch (this) {
                case VALUE_START, ROW_END -> lineBreak ? ROW_END : c == delimiter ? VALUE_START
                        : c == '"' ? QUOTED : Character.isWhitespace(c) ? VALUE_START : UNQUOTED;
                case UNQUOTED -> lineBreak ? ROW_END : c == delimiter ? VALUE_START : UNQUOTED;
                case QUOTED -> c == '"' ? QUOTE_IN_QUOTED : QUOTED;
                // A doubled quote is one quote in the value; any other quote closes it, and only blanks may follow.
                case QUOTE_IN_QUOTED -> c == '"' ? QUOTED : afterQuoted(c, lineBreak, delimiter);
                case AFTER_QUOTED -> afterQuoted(c, lineBreak, delimiter);
                case NOT_CSV -> NOT_CSV;
            };
        }

        private static Lexing afterQuoted(char c, boolean lineBreak, char delimiter) {
            return lineBreak ? ROW_END : c == delimiter ? VALUE_START : Character.isWhitespace(c) ? AFTER_QUOTED
                    : NOT_CSV;
        }

        boolean quoted() {
            return this == QUOTED;
        }
    }
}

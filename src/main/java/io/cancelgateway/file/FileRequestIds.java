package io.cancelgateway.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Request ids for rows that carry none: derived from the file's name, its content and the row number, so the same file
 * dropped again is answered from the journal, while another file with the same name is processed anew.
 */
final class FileRequestIds {

    private static final int NAME_LENGTH = 60;

    private static final int BYTE_ORDER_MARK = 0xFEFF;

    private final String prefix;

    private FileRequestIds(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Reads the whole file once, streaming, to hash its content, and checks on the way that no row is longer than
     * {@code maxRowBytes}, so that an oversized value is refused before any row is processed and without ever being
     * held whole. A row ends at a line break outside quotes, and a quote opens a quoted value only where the CSV reader
     * takes it to: at the start of a value (after spaces); inside an unquoted value it is a character like any other.
     * Counted any other way, a file could hide an unbounded quoted value from this check.
     *
     * @throws CsvFileRejected naming the line where the first row too long starts
     */
    static FileRequestIds of(Path file, int maxRowBytes, char delimiter) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
        byte[] buffer = new byte[64 * 1024];
        long line = 1;
        long rowStartLine = 1;
        long rowBytes = 0;
        Lexing state = Lexing.VALUE_START;
        boolean atStart = true;
        boolean afterCarriageReturn = false;
        int pendingBytes = 0;
        int codePoint = 0;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                sha256.update(buffer, 0, read);
                for (int i = 0; i < read; i++) {
                    int b = buffer[i] & 0xFF;
                    boolean endsRow = (b == '\n' || b == '\r') && !state.quoted();
                    if (++rowBytes > maxRowBytes && !endsRow) {
                        throw new CsvFileRejected("the row starting on line " + rowStartLine + " is longer than "
                                + maxRowBytes + " bytes (cancel.file.max-line-bytes)" + (state.quoted()
                                        ? ", or a quote opened there is never closed" : "") + "; no row was processed");
                    }
                    // The reader reads characters: whitespace before a quote may take several bytes.
                    if (pendingBytes > 0 && (b & 0xC0) == 0x80) {
                        codePoint = codePoint << 6 | b & 0x3F;
                        if (--pendingBytes > 0) {
                            continue;
                        }
                    } else if (b >= 0xC0) {
                        pendingBytes = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
                        codePoint = b & 0x3F >> pendingBytes;
                        continue;
                    } else {
                        // ASCII, or a byte out of place (the reader refuses the file for it later).
                        pendingBytes = 0;
                        codePoint = b < 0x80 ? b : 0xFFFD;
                    }
                    if (atStart) {
                        atStart = false;
                        if (codePoint == BYTE_ORDER_MARK) {
                            rowBytes = 0;
                            continue;
                        }
                    }
                    // CRLF, LF and a lone CR each end a line, as the reader counts them.
                    if (codePoint == '\r' || codePoint == '\n' && !afterCarriageReturn) {
                        line++;
                    }
                    afterCarriageReturn = codePoint == '\r';
                    state = state.next(codePoint, delimiter);
                    if (state == Lexing.ROW_END) {
                        rowBytes = 0;
                        rowStartLine = line;
                        state = Lexing.VALUE_START;
                    }
                }
            }
        }
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
     * Where the CSV reader (Commons CSV, RFC 4180, surrounding spaces ignored) is in a row, one character at a time: a
     * line break (CRLF, LF or a lone CR) outside quotes ends the row; a quote opens a quoted value only at the start of
     * a value, after any whitespace; a doubled quote inside one stands for a quote.
     */
    enum Lexing {
        VALUE_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, ROW_END;

        Lexing next(int c, char delimiter) {
            boolean lineBreak = c == '\n' || c == '\r';
            return switch (this) {
                case VALUE_START, ROW_END -> lineBreak ? ROW_END : c == delimiter ? VALUE_START
                        : c == '"' ? QUOTED : Character.isWhitespace(c) ? VALUE_START : UNQUOTED;
                case UNQUOTED -> lineBreak ? ROW_END : c == delimiter ? VALUE_START : UNQUOTED;
                case QUOTED -> c == '"' ? QUOTE_IN_QUOTED : QUOTED;
                // A doubled quote is one quote in the value; any other quote closes it.
                case QUOTE_IN_QUOTED -> c == '"' ? QUOTED : lineBreak ? ROW_END : c == delimiter ? VALUE_START
                        : UNQUOTED;
            };
        }

        boolean quoted() {
            return this == QUOTED;
        }
    }
}

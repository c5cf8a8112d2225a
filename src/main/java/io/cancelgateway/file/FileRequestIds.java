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
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                sha256.update(buffer, 0, read);
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        line++;
                    }
                    state = state.next(b, delimiter);
                    if (state == Lexing.ROW_END) {
                        rowBytes = 0;
                        rowStartLine = line;
                        state = Lexing.VALUE_START;
                        continue;
                    }
                    if (++rowBytes > maxRowBytes) {
                        throw new CsvFileRejected("the row starting on line " + rowStartLine + " is longer than "
                                + maxRowBytes + " bytes (cancel.file.max-line-bytes)" + (state.quoted()
                                        ? ", or a quote opened there is never closed" : "") + "; no row was processed");
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
     * Where the CSV reader is in a row, one byte at a time. The delimiter, quote, space and line break are single bytes
     * in UTF-8, never part of another character (a delimiter outside ASCII is refused by the configuration).
     */
    enum Lexing {
        VALUE_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, ROW_END;

        Lexing next(byte b, char delimiter) {
            return switch (this) {
                case VALUE_START, ROW_END -> b == '\n' ? ROW_END : b == delimiter ? VALUE_START
                        : b == '"' ? QUOTED : b == ' ' || b == '\t' ? VALUE_START : UNQUOTED;
                case UNQUOTED -> b == '\n' ? ROW_END : b == delimiter ? VALUE_START : UNQUOTED;
                case QUOTED -> b == '"' ? QUOTE_IN_QUOTED : QUOTED;
                // A doubled quote is one quote in the value; any other quote closes it.
                case QUOTE_IN_QUOTED -> b == '"' ? QUOTED : b == '\n' ? ROW_END : b == delimiter ? VALUE_START
                        : UNQUOTED;
            };
        }

        boolean quoted() {
            return this == QUOTED;
        }
    }
}

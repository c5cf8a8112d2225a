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
     * {@code maxRowBytes} (a quoted field may span lines: a row ends at a line break outside quotes), so that an
     * oversized value is refused before any row is processed and without ever being held whole.
     *
     * @throws CsvFileRejected naming the line where the first row too long starts
     */
    static FileRequestIds of(Path file, int maxRowBytes) throws IOException {
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
        boolean quoted = false;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                sha256.update(buffer, 0, read);
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    // '"' and '\n' are single bytes in UTF-8, never part of another character.
                    if (b == '"') {
                        quoted = !quoted;
                    } else if (b == '\n') {
                        line++;
                        if (!quoted) {
                            rowBytes = 0;
                            rowStartLine = line;
                            continue;
                        }
                    }
                    if (++rowBytes > maxRowBytes) {
                        throw new CsvFileRejected("the row starting on line " + rowStartLine + " is longer than "
                                + maxRowBytes + " bytes (cancel.file.max-line-bytes)" + (quoted
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
}

package io.cancelgateway.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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

    /** Reads the whole file once (streaming) to hash its content. */
    static FileRequestIds of(Path file) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                sha256.update(buffer, 0, read);
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

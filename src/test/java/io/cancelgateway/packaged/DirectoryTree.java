package io.cancelgateway.packaged;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes what a test or benchmark run left on disk. */
public final class DirectoryTree {

    private DirectoryTree() {
    }

    /** Deletes the directory and everything below it; nothing when it does not exist. */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException undeletable) {
                    throw new UncheckedIOException(undeletable);
                }
            });
        }
    }
}

package io.cancelgateway.packaged;

import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Request files for a packaged service's inbox under a data directory, written and read as an ERP does. */
public final class InboxFiles {

    private InboxFiles() {
    }

    /** Writes {@code rows} rows {@code provider,<prefix><n>} under a hidden name, then renames it into the inbox. */
    public static Path drop(Path dataDir, String name, String provider, String referencePrefix, int rows) throws IOException {
        Path inbox = dataDir.resolve("inbox");
        Files.createDirectories(inbox);
        Path hidden = inbox.resolve("." + name + ".part");
        try (BufferedWriter out = Files.newBufferedWriter(hidden, StandardCharsets.UTF_8)) {
            out.write("provider,reference\n");
            for (int row = 1; row <= rows; row++) {
                out.write(provider + "," + referencePrefix + row + "\n");
            }
        }
        return Files.move(hidden, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    static Path awaitResults(Path dataDir, String name, Duration atMost) {
        Path results = dataDir.resolve("outbox").resolve(name.replace(".csv", ".results.csv"));
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> Files.exists(results));
        return results;
    }

    /** Streams the results file's rows, never loading it whole. */
    static long eachResult(Path results, Consumer<CSVRecord> check) throws IOException {
        long count = 0;
        try (Reader reader = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                check.accept(record);
                count++;
            }
        }
        return count;
    }
}

package io.cancelgateway.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.ConfigProvider;

/** The service's real inbox and outbox folders, as an ERP uses them. */
final class Inbox {

    private Inbox() {
    }

    static Path inbox() {
        return Path.of(ConfigProvider.getConfig().getValue("cancel.file.inbox", String.class)).toAbsolutePath();
    }

    static Path outbox() {
        return Path.of(ConfigProvider.getConfig().getValue("cancel.file.outbox", String.class)).toAbsolutePath();
    }

    /** Writes the file under a hidden name and renames it into place, as well-behaved writers do. */
    static void drop(String name, byte[] content) throws IOException {
        // A hidden name of its own, whatever the name's length: the file system's limit is the name's, not this one's.
        Path hidden = inbox().resolve("." + UUID.randomUUID() + ".part");
        Files.write(hidden, content);
        Files.move(hidden, inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    static void drop(String name, String content) throws IOException {
        drop(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Waits for a results file for the input named {@code name} that is not among {@code known}, and reads it. */
    static List<CSVRecord> awaitResults(String name, char delimiter, List<Path> known) throws IOException {
        String base = name.substring(0, name.lastIndexOf('.'));
        Path[] found = new Path[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try (Stream<Path> files = Files.list(outbox())) {
                found[0] = files.filter(file -> {
                    String fileName = file.getFileName().toString();
                    return fileName.startsWith(base) && fileName.endsWith(".results.csv") && !known.contains(file)
                            && (fileName.equals(base + ".results.csv") || fileName.startsWith(base + "-"));
                }).findFirst().orElse(null);
            }
            return found[0] != null;
        });
        known.add(found[0]);
        try (Reader reader = new StringReader(Files.readString(found[0], StandardCharsets.UTF_8))) {
            return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).getRecords();
        }
    }

    static List<String> resultsHeader(String name) throws IOException {
        String base = name.substring(0, name.lastIndexOf('.'));
        return List.of(Files.readAllLines(outbox().resolve(base + ".results.csv")).get(0).split(","));
    }

    static Path doneFolder() {
        return inbox().resolve(".done");
    }

    static Path failedFolder() {
        return inbox().resolve(".failed");
    }
}

package io.cancelgateway.e2e;

import static io.cancelgateway.e2e.RestCancelTest.simulatorCalls;
import static io.cancelgateway.e2e.RestCancelTest.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** ERP files through the real inbox, results through the real outbox. */
@QuarkusTest
class FileInboxTest {

    private final List<Path> seenResults = new ArrayList<>();

    @Test
    void aFileRenamedIntoThePlaceOfOneBeingProcessedIsProcessedNotArchivedUnread() throws IOException {
        // An ERP dropping the next file of the same name while the last one still runs.
        String name = unique("same-name-") + ".csv";
        StringBuilder slow = new StringBuilder("provider,reference\n");
        String firstRow = unique("slow-pay_first");
        slow.append("hyperswitch,").append(firstRow).append('\n');
        for (int i = 0; i < 40; i++) {
            slow.append("hyperswitch,").append(unique("slow-pay_")).append('\n');
        }
        Inbox.drop(name, slow.toString());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> simulatorCalls("hyperswitch", firstRow) == 1);
        String next = unique("pay_next");
        Inbox.drop(name, "provider,reference\nhyperswitch," + next + "\n");

        List<CSVRecord> firstResults = Inbox.awaitResults(name, ',', seenResults);
        List<CSVRecord> nextResults = Inbox.awaitResults(name, ',', seenResults);

        List<String> references = new ArrayList<>();
        firstResults.forEach(row -> references.add(row.get("reference")));
        nextResults.forEach(row -> references.add(row.get("reference")));
        assertThat(references).hasSize(42).contains(firstRow, next);
        assertThat(simulatorCalls("hyperswitch", next)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(Inbox.inbox().resolve(name)));
    }

    @Test
    void aPlainFileIsCancelledRowByRowAndArchived() throws IOException {
        String name = unique("plain-") + ".csv";
        String k = unique("k"), h = unique("h"), j = unique("j");
        Inbox.drop(name, "provider,reference,reason\n"
                + "kwikpaisa," + k + ",\n"
                + "hyperswitch," + h + ",requested_by_customer\n"
                + "juspay-order," + j + ",customer asked\n");

        List<CSVRecord> results = Inbox.awaitResults(name, ',', seenResults);

        assertThat(Inbox.resultsHeader(name)).containsExactly("row", "request_id", "provider", "merchant_id",
                "reference", "reason", "customer_id", "parent_reference", "outcome", "retryable", "replayed",
                "provider_status", "provider_code", "provider_message", "http_status", "cancelled_at", "attempts",
                "error");
        assertThat(results).extracting(r -> r.get("row")).containsExactly("1", "2", "3");
        assertThat(results).extracting(r -> r.get("reference")).containsExactly(k, h, j);
        assertThat(results).extracting(r -> r.get("outcome")).containsOnly("CANCELLED");
        assertThat(results).extracting(r -> r.get("replayed")).containsOnly("false");
        assertThat(results.get(0).get("cancelled_at")).endsWith("+05:30");
        assertThat(results.get(2).get("reason")).isEqualTo("customer asked");
        assertThat(results.get(0).get("request_id")).startsWith("file:" + name + ":").endsWith(":1");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(Inbox.doneFolder().resolve(name)));
        assertThat(Inbox.inbox().resolve(name)).doesNotExist();
        assertThat(simulatorCalls("kwikpaisa", k)).isEqualTo(1);
        Operations.given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("cancel_file_files_total{status=\"done\"}"))
                .body(org.hamcrest.Matchers.containsString("cancel_file_rows_total"))
                .body(org.hamcrest.Matchers.containsString(
                        "cancel_requests_total{channel=\"file\",outcome=\"CANCELLED\",provider=\"kwikpaisa\""));
    }

    @Test
    void bomCrlfQuotingBlankLinesExtraColumnsAndHeaderCaseAreHandled() throws IOException {
        String name = unique("messy-") + ".csv";
        String k = unique("k"), h = unique("h");
        String content = "\uFEFF  Reference , NOTES,Provider ,REASON\r\n"
                + k + ",ignored,kwikpaisa,\"late, \"\"very\"\" late\r\nsecond line\"\r\n"
                + "\r\n"
                + h + ",x,hyperswitch,plain\r\n";
        Inbox.drop(name, content);

        List<CSVRecord> results = Inbox.awaitResults(name, ',', seenResults);

        assertThat(results).hasSize(2);
        assertThat(results).extracting(r -> r.get("row")).containsExactly("1", "2");
        assertThat(results).extracting(r -> r.get("outcome")).containsExactly("CANCELLED", "CANCELLED");
        assertThat(results.get(0).get("reason")).isEqualTo("late, \"very\" late\r\nsecond line");
        assertThat(results.get(0).get("provider")).isEqualTo("kwikpaisa");
        assertThat(results.get(1).get("reference")).isEqualTo(h);
    }

    @Test
    void aDoneFolderRemovedWhileTheServiceRunsIsMadeAgainAndTheFileAnsweredOnce() throws IOException {
        deleteDoneFolder();
        String name = unique("no-done-") + ".csv";
        String base = name.substring(0, name.length() - ".csv".length());
        Inbox.drop(name, "provider,reference\nkwikpaisa," + unique("k") + "\n");

        assertThat(Inbox.awaitResults(name, ',', seenResults)).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(Inbox.doneFolder().resolve(name)));
        // Before, the input stayed in the inbox and each poll (every 0.5 s) published its results again.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(12)).until(() -> resultsOf(base) == 1);
    }

    @Test
    void aFileThatCannotBeMovedToDoneIsMovedLaterNotProcessedAgain() throws IOException {
        deleteDoneFolder();
        // A plain file where the folder should be: the input cannot be moved there.
        Files.writeString(Inbox.doneFolder(), "in the way");
        String name = unique("not-moved-") + ".csv";
        String base = name.substring(0, name.length() - ".csv".length());
        try {
            Inbox.drop(name, "provider,reference\nkwikpaisa," + unique("k") + "\n");

            assertThat(Inbox.awaitResults(name, ',', seenResults)).hasSize(1);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(13)).until(() -> resultsOf(base) == 1
                    && Files.exists(Inbox.inbox().resolve(name)));
        } finally {
            Files.delete(Inbox.doneFolder());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(Inbox.doneFolder().resolve(name)));
        assertThat(resultsOf(base)).isEqualTo(1);
    }

    private static long resultsOf(String base) throws IOException {
        try (Stream<Path> files = Files.list(Inbox.outbox())) {
            return files.filter(file -> file.getFileName().toString().startsWith(base)).count();
        }
    }

    private static void deleteDoneFolder() throws IOException {
        try (Stream<Path> done = Files.walk(Inbox.doneFolder())) {
            for (Path path : done.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void filesModifiedInTheFutureHoldNoOtherFileUp() throws Exception {
        // Each one held the poll for the read lock's 30 s timeout, every poll, before the inbox was filtered.
        List<Path> ahead = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = unique("clock-ahead-") + ".csv";
            Path hidden = Inbox.inbox().resolve("." + name + ".part");
            Files.writeString(hidden, "provider,reference\nkwikpaisa," + unique("k") + "\n");
            Files.setLastModifiedTime(hidden, FileTime.from(Instant.now().plus(Duration.ofHours(1))));
            Files.move(hidden, Inbox.inbox().resolve(name));
            ahead.add(Inbox.inbox().resolve(name));
        }
        try {
            // A poll (every 0.5 s) has met them before the next file comes: it waited on them whatever their order.
            Thread.sleep(1000);
            String name = unique("on-time-") + ".csv";
            long dropped = System.nanoTime();
            Inbox.drop(name, "provider,reference\nkwikpaisa," + unique("k") + "\n");

            assertThat(Inbox.awaitResults(name, ',', seenResults)).hasSize(1);
            assertThat(Duration.ofNanos(System.nanoTime() - dropped)).isLessThan(Duration.ofSeconds(15));
            assertThat(ahead).as("left in the inbox until their time").allMatch(Files::exists);
        } finally {
            for (Path file : ahead) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void aHeaderOnlyFileGivesAHeaderOnlyResultsFile() throws IOException {
        String name = unique("empty-") + ".csv";
        Inbox.drop(name, "reference,provider\n");
        assertThat(Inbox.awaitResults(name, ',', seenResults)).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(Inbox.doneFolder().resolve(name)));
    }

    @Test
    void aFileWithoutReferenceColumnMovesToFailedWithTheReason() throws IOException {
        String name = unique("noref-") + ".csv";
        Inbox.drop(name, "provider,reason\nkwikpaisa,x\n");
        Path error = Inbox.failedFolder().resolve(name.replace(".csv", ".error.txt"));
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(error));
        assertThat(Inbox.failedFolder().resolve(name)).exists();
        assertThat(Files.readString(error)).contains("reference");
        assertThat(Inbox.outbox().resolve(name.replace(".csv", ".results.csv"))).doesNotExist();
    }

    @Test
    void binaryGarbageMovesToFailed() throws IOException {
        String name = unique("garbage-") + ".csv";
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        garbage[10] = 0;
        Inbox.drop(name, garbage);
        Path error = Inbox.failedFolder().resolve(name.replace(".csv", ".error.txt"));
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(error));
        assertThat(Files.readString(error)).isNotBlank();
    }

    @Test
    void invalidRowsGetInvalidWithTheReasonAndNeverStopTheOthers() throws IOException {
        String name = unique("mixed-") + ".csv";
        String ok1 = unique("ok"), ok2 = unique("ok");
        Inbox.drop(name, "provider,reference,customer_id\n"
                + "kwikpaisa," + ok1 + ",\n"
                + "kwikpaisa,,\n"
                + "paypal,r1,\n"
                + "hyperswitch,a/b,\n"
                + "juspay-payout,ful_1,\n"
                + "hyperswitch," + unique("missing-") + ",\n"
                + "hyperswitch," + ok2 + ",\n");

        List<CSVRecord> results = Inbox.awaitResults(name, ',', seenResults);

        assertThat(results).extracting(r -> r.get("outcome")).containsExactly("CANCELLED", "INVALID", "INVALID",
                "INVALID", "INVALID", "NOT_FOUND", "CANCELLED");
        assertThat(results.get(1).get("error")).isEqualTo("reference is required");
        assertThat(results.get(2).get("error")).startsWith("unknown provider 'paypal'");
        assertThat(results.get(3).get("error")).startsWith("reference must be visible ASCII");
        assertThat(results.get(4).get("error")).startsWith("customer_id is required");
    }

    @Test
    void aSlowInPlaceWriterIsNotReadBeforeItStops() throws Exception {
        String name = unique("slow-writer-") + ".csv";
        List<String> references = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(Inbox.inbox().resolve(name))) {
            out.write("provider,reference\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            // Rows 50 ms apart for 1.5 s: a pause of the writer has to last 250 ms to pass for settled (300 ms).
            for (int i = 0; i < 30; i++) {
                String reference = unique("w");
                references.add(reference);
                out.write(("hyperswitch," + reference + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(50);
            }
        }
        List<CSVRecord> results = Inbox.awaitResults(name, ',', seenResults);
        assertThat(results).extracting(r -> r.get("reference")).containsExactlyElementsOf(references);
    }

    @Test
    void theSameFileDroppedAgainIsReplayedAndAnotherFileWithTheSameNameIsNot() throws Exception {
        String name = unique("twice-") + ".csv";
        String k = unique("k"), h = unique("h");
        String content = "provider,reference\nkwikpaisa," + k + "\nhyperswitch," + h + "\n";
        Inbox.drop(name, content);
        List<CSVRecord> first = Inbox.awaitResults(name, ',', seenResults);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(Inbox.doneFolder().resolve(name)));

        Inbox.drop(name, content);
        List<CSVRecord> again = Inbox.awaitResults(name, ',', seenResults);

        assertThat(again).extracting(r -> r.get("replayed")).containsOnly("true");
        assertThat(again).extracting(r -> r.get("request_id"))
                .containsExactlyElementsOf(first.stream().map(r -> r.get("request_id")).toList());
        assertThat(simulatorCalls("kwikpaisa", k)).isEqualTo(1);
        assertThat(simulatorCalls("hyperswitch", h)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (var done = Files.list(Inbox.doneFolder())) {
                return done.filter(f -> f.getFileName().toString().startsWith(name.replace(".csv", ""))).count() == 2;
            }
        });

        String other = unique("k");
        Inbox.drop(name, "provider,reference\nkwikpaisa," + other + "\n");
        List<CSVRecord> different = Inbox.awaitResults(name, ',', seenResults);
        assertThat(different).extracting(r -> r.get("replayed")).containsOnly("false");
        assertThat(different.get(0).get("request_id")).isNotEqualTo(first.get(0).get("request_id"));
    }
}

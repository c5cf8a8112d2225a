package io.cancelgateway.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.cancelgateway.journal.DueCheck;
import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Channel;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.model.SyncState;
import io.cancelgateway.sync.SortUpdates;
import io.cancelgateway.sync.SyncUpdate;
import io.quarkus.test.junit.QuarkusTest;

/** The updates files of a sync run, written into real outbox folders. */
@QuarkusTest
class WriteFileUpdatesTest {

    @Inject
    WriteFileUpdates writeFileUpdates;

    @Inject
    CamelContext camel;

    @ConfigProperty(name = "cancel.file.outbox")
    String outbox;

    @Test
    void aClientWhoseOutboxFailsKeepsNoOtherClientsUpdatesBack() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // Runs write the clients' files in name order: the broken one first.
        String broken = "a-broken-" + tag;
        String fine = "b-fine-" + tag;
        Path outboxes = Path.of(outbox).toAbsolutePath();
        Files.createDirectories(outboxes);
        Files.writeString(outboxes.resolve(broken), "a file where the client's outbox folder should be");

        Exchange run = run(List.of(update(broken, "upd-broken-" + tag), update(fine, "upd-fine-" + tag)));

        assertThatThrownBy(() -> writeFileUpdates.process(run)).isInstanceOf(IOException.class)
                .hasMessageContaining("updates file for client " + broken + " not written (1 results");
        assertThat(updatesFiles(outboxes.resolve(fine))).singleElement()
                .satisfies(file -> assertThat(Files.readString(file)).contains("upd-fine-" + tag));
    }

    @Test
    void runsAtTheSameTimeWriteCompleteFilesOfTheirOwn() throws Exception {
        String client = "same-second-" + UUID.randomUUID().toString().substring(0, 8);
        int runs = 4;
        int perRun = 300;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            List<SyncUpdate> updates = new ArrayList<>();
            for (int i = 0; i < perRun; i++) {
                updates.add(update(client, "run" + r + "-" + i));
            }
            Exchange run = run(updates);
            done.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                    writeFileUpdates.process(run);
                } catch (Exception failed) {
                    throw new IllegalStateException(failed);
                }
            }));
        }
        start.countDown();
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();

        Path folder = Path.of(outbox).toAbsolutePath().resolve(client);
        List<Path> files = updatesFiles(folder);
        assertThat(files).hasSize(runs);
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            assertThat(lines).hasSize(perRun + 1);
            ids.addAll(lines.subList(1, lines.size()).stream().map(line -> line.split(",")[1])
                    .collect(Collectors.toSet()));
        }
        assertThat(ids).hasSize(runs * perRun);
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
    }

    private Exchange run(List<SyncUpdate> updates) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(SortUpdates.FILE_UPDATES, updates);
        return exchange;
    }

    private static SyncUpdate update(String client, String requestId) {
        CancelRequest request = new CancelRequest(requestId, "hyperswitch", null, "pay_" + requestId, null, null, null);
        CancelResult result = new CancelResult(requestId, "hyperswitch", null, "pay_" + requestId, Outcome.CANCELLED,
                false, "cancelled", null, null, 200, null, "2026-11-30T10:00:00Z", 1, 20, Channel.FILE, null, false,
                SyncState.FINAL, null, "2026-11-30T10:05:00Z", 1);
        DueCheck check = new DueCheck(client + "/" + requestId, client, "hyperswitch", "lease-" + requestId,
                Channel.FILE, request, result, Instant.parse("2026-12-01T10:00:00Z"), null);
        return new SyncUpdate(check, result, true);
    }

    private static List<Path> updatesFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith("updates-")).sorted().toList();
        }
    }
}

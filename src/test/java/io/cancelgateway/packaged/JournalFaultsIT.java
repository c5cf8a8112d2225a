package io.cancelgateway.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.cancelgateway.journal.TestPostgres;

/**
 * The journal recovers by itself once its database works again: a full disk freed, PostgreSQL restarted. Meanwhile
 * readiness is DOWN, REST answers 503, JMS requests wait in the broker and the inbox keeps its file; afterwards every
 * one of them is answered once, and nothing is dead-lettered.
 */
class JournalFaultsIT {

    @Test
    void aFullDiskStopsTheServiceTakingRequestsUntilItIsFreedWithoutARestart(@TempDir Path dataDir,
            @TempDir Path tmpfs) throws Exception {
        mountTmpfs(tmpfs);
        try {
            Map<String, String> properties = PackagedService.withSimulator(dataDir);
            // Only the journal's database on the small disk: the broker's journal and the inbox stay where they were.
            properties.put("quarkus.datasource.jdbc.url", "jdbc:h2:file:" + tmpfs.resolve("db/journal")
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
            try (PackagedService service = PackagedService.start(properties);
                    ErpQueues erp = new ErpQueues(properties)) {
                service.awaitReady(Duration.ofSeconds(60));
                CancellationsApi api = new CancellationsApi(service, "it-key");
                assertThat(api.cancel(body("before-the-outage"), null).status()).isEqualTo(200);

                Path filler = fill(tmpfs);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> api.cancel(body("during-" + System.nanoTime()), null).status() == 503);
                CancellationsApi.Answer refused = api.cancel(body("refused"), null);
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.json().get("error").asText()).isEqualTo("journal_unavailable");
                CancellationsApi.Answer ready = api.get("/q/health/ready");
                assertThat(ready.status()).as(ready.body()).isEqualTo(503);
                assertThat(ready.body()).contains("Journal writes");
                erp.queueRequests("outage", 3);
                InboxFiles.drop(dataDir, "during-outage.csv", "hyperswitch", "file-outage-", 3);
                Thread.sleep(3000);
                // Left in the inbox while the journal takes no writes; H2 may take some again meanwhile in dead space
                // of its own file that the journal's compaction lets it reuse, and then answers the file: never failed.
                assertThat(dataDir.resolve("inbox/.failed/during-outage.csv")).doesNotExist();
                assertThat(Files.exists(dataDir.resolve("inbox/during-outage.csv"))
                        || Files.exists(dataDir.resolve("inbox/.done/during-outage.csv"))).isTrue();

                Files.delete(filler);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                        .until(() -> api.get("/q/health/ready").status() == 200);
                assertThat(api.cancel(body("after-the-outage"), null).status()).isEqualTo(200);
                List<ErpQueues.JmsResult> results = new ArrayList<>();
                erp.drain("outage", results, 3, Duration.ofSeconds(60));
                assertThat(results).extracting(ErpQueues.JmsResult::requestId)
                        .containsExactlyInAnyOrder("outage-0", "outage-1", "outage-2");
                assertThat(erp.deadLetters("outage")).isZero();
                Path file = InboxFiles.awaitResults(dataDir, "during-outage.csv", Duration.ofSeconds(90));
                assertThat(InboxFiles.eachResult(file, row -> assertThat(row.get("outcome")).isEqualTo("CANCELLED")))
                        .isEqualTo(3);
                String log = service.output();
                assertThat(log.lines().filter(line -> line.contains("file name=during-outage.csv left in the inbox"))
                        .count()).as(log).isLessThanOrEqualTo(2);
            }
        } finally {
            unmount(tmpfs);
        }
    }

    @Test
    @ExtendWith(TestPostgres.class)
    void aRestartedPostgresIsUsedAgainWithoutARestartOfTheService() throws Exception {
        String schema = TestPostgres.newSchema();
        Map<String, String> properties = PackagedService.withSimulator(PackagedService.freePort());
        properties.put("quarkus.datasource.jdbc.url", TestPostgres.urlFor(schema));
        properties.put("quarkus.datasource.username", TestPostgres.USER);
        boolean stopped = false;
        try (PackagedService service = PackagedService.start(properties)) {
            service.awaitReady(Duration.ofSeconds(60));
            CancellationsApi api = new CancellationsApi(service, "it-key");
            assertThat(api.cancel(body("pg-before"), null).status()).isEqualTo(200);

            postgres("stop");
            stopped = true;
            assertThat(api.cancel(body("pg-during"), null).status()).isEqualTo(503);
            assertThat(api.get("/q/health/ready").status()).isEqualTo(503);

            postgres("start");
            stopped = false;
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> api.get("/q/health/ready").status() == 200);
            assertThat(api.cancel(body("pg-after"), null).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/cancellations/pg-before").status()).isEqualTo(200);
        } finally {
            if (stopped) {
                postgres("start");
            }
            try (Connection connection = DriverManager.getConnection(TestPostgres.URL, TestPostgres.USER, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static String body(String requestId) {
        return "{\"request_id\":\"" + requestId + "\",\"provider\":\"hyperswitch\",\"reference\":\"pay_" + requestId
                + "\"}";
    }

    /** Writes until the disk is full. */
    private static Path fill(Path disk) throws IOException {
        Path filler = disk.resolve("filler");
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            return filler;
        }
    }

    private static void mountTmpfs(Path directory) throws Exception {
        String failure = run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", directory.toString());
        Assumptions.assumeTrue(failure == null, () -> "a 64 MB tmpfs cannot be mounted here (" + failure
                + "): the full-disk test needs root and mount permission");
    }

    private static void unmount(Path directory) throws Exception {
        run("umount", "-l", directory.toString());
    }

    private static void postgres(String action) throws Exception {
        String cluster = Files.list(Path.of("/etc/postgresql")).map(path -> path.getFileName().toString())
                .collect(Collectors.joining());
        String failure = run("pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", action);
        assertThat(failure).as("pg_ctlcluster " + action).isNull();
    }

    /** Runs a command: null when it succeeded, else what it printed. */
    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "timed out";
        }
        return process.exitValue() == 0 ? null : output.isBlank() ? "exit " + process.exitValue() : output.trim();
    }
}

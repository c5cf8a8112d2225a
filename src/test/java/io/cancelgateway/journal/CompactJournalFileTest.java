package io.cancelgateway.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.Channel;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.AttemptRecord;
import io.cancelgateway.provider.CallKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The journal's H2 file kept compact while cancels are written, as the service writes them (each commit at once). */
class CompactJournalFileTest {

    /**
     * As the service's URL, but a dead chunk's space reusable at once instead of after H2's 45 s, so that what a test
     * can write in seconds shows what the service's file does over minutes.
     */
    private static final String SERVICE_WRITES = ";WRITE_DELAY=0;RETENTION_TIME=0";
    /** The service's URL as it is: H2 keeps a dead chunk 45 s. */
    private static final String SERVICE_URL = ";WRITE_DELAY=0";
    private static final Duration H2_RETENTION = Duration.ofSeconds(45);
    /** What the service lets H2 keep a dead chunk once it syncs every run (at its default interval). */
    private static final Duration RETENTION = CompactJournalFile.chunkRetention(Duration.ofMillis(250));
    private static final int CANCELS = 3_000;

    @TempDir
    Path compacted;
    @TempDir
    Path leftAlone;

    @Test
    void aJournalCompactedWhileItIsWrittenKeepsItsFileMostlyLiveWhereOneLeftAloneGrowsWithDeadSpace() throws Exception {
        long compactedSize;
        long leftAloneSize;
        try (JournalDatabase database = new JournalDatabase(compacted, SERVICE_WRITES)) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            CompactJournalFile compactor = new CompactJournalFile(database.dataSource(), registry, RETENTION);
            int runs = write(database.dataSource(), compactor);
            assertThat(runs).as("compaction runs that rewrote chunks").isPositive();
            int live = info(database.dataSource(), "info.CHUNKS_FILL_RATE");
            assertThat(live).as("live share of the chunks, %").isGreaterThanOrEqualTo(25);
            compactedSize = Files.size(compacted.resolve("journal.mv.db"));
            // As of the last run, which came after the last write.
            assertThat(registry.get("cancel.journal.file.size").gauge().value()).isEqualTo(compactedSize);
            assertThat(registry.get("cancel.journal.file.live").gauge().value()).isEqualTo(live);
        }
        try (JournalDatabase database = new JournalDatabase(leftAlone, SERVICE_WRITES)) {
            write(database.dataSource(), null);
            assertThat(info(database.dataSource(), "info.CHUNKS_FILL_RATE")).isLessThan(15);
            leftAloneSize = Files.size(leftAlone.resolve("journal.mv.db"));
        }
        assertThat(leftAloneSize).as("file left alone against compacted").isGreaterThan(5 * compactedSize / 2);
    }

    /**
     * The service's URL, H2 keeping dead chunks 45 s: with the shorter retention a run sets (half a second here, so that
     * a test need not wait) the file's dead chunks are reused within the test; with H2's, none is.
     */
    @Test
    void theShorterRetentionLetsTheFilesDeadChunksBeReusedWhereH2sKeepsThem() throws Exception {
        long synced = writtenWithRetention(compacted, Duration.ofMillis(500));
        long h2s = writtenWithRetention(leftAlone, H2_RETENTION);
        assertThat(h2s).as("file with H2's retention against the shorter one").isGreaterThan(2 * synced);
    }

    @Test
    void theRetentionIsShortenedAfterEachSyncAndNeverAgainOnceASyncFailed() throws Exception {
        SyncFailingFilePath.register();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:" + SyncFailingFilePath.SCHEME + ":" + compacted.resolve("journal") + SERVICE_URL);
        dataSource.setUser("sa");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CompactJournalFile compactor = new CompactJournalFile(dataSource, registry, RETENTION);
        List<Integer> retentionAtSyncs = new ArrayList<>();
        try (Connection open = dataSource.getConnection()) {
            MVStore store = CompactJournalFile.embeddedStore(open).orElseThrow();
            SyncFailingFilePath.onSync = () -> retentionAtSyncs.add(store.getRetentionTime());
            assertThat(store.getRetentionTime()).as("as opened").isEqualTo(H2_RETENTION.toMillis());
            compactor.compact();
            assertThat(retentionAtSyncs).as("retention at the run's sync").containsExactly(45_000);
            assertThat(store.getRetentionTime()).as("after the sync").isEqualTo(RETENTION.toMillis());

            SyncFailingFilePath.failing = true;
            try {
                compactor.compact();
                assertThat(store.getRetentionTime()).as("after a failed sync").isEqualTo(H2_RETENTION.toMillis());
            } finally {
                SyncFailingFilePath.failing = false;
            }
            compactor.compact();
            assertThat(retentionAtSyncs).as("retention at each sync, H2's own while it runs")
                    .containsExactly(45_000, 45_000, 45_000);
            assertThat(registry.get("cancel.journal.file.sync").tag("outcome", "synced").timer().count()).isEqualTo(2);
            assertThat(registry.get("cancel.journal.file.sync").tag("outcome", "failed").timer().count()).isEqualTo(1);
            assertThat(store.getRetentionTime()).as("synced again, after a failed sync")
                    .isEqualTo(H2_RETENTION.toMillis());
        } finally {
            SyncFailingFilePath.onSync = () -> { };
        }
        // The last connection closed the database: a store H2 opens again on the file has its retention too.
        try (Connection open = dataSource.getConnection()) {
            compactor.compact();
            assertThat(CompactJournalFile.embeddedStore(open).orElseThrow().getRetentionTime()).as("reopened")
                    .isEqualTo(H2_RETENTION.toMillis());
        }
    }

    @Test
    void withoutASyncForHalfTheShorterRetentionTheWatchGivesH2BackItsOwn() throws Exception {
        Duration retention = Duration.ofSeconds(2);
        try (JournalDatabase database = new JournalDatabase(compacted, SERVICE_URL);
                Connection open = database.dataSource().getConnection()) {
            CompactJournalFile compactor = new CompactJournalFile(database.dataSource(), new SimpleMeterRegistry(),
                    retention);
            MVStore store = CompactJournalFile.embeddedStore(open).orElseThrow();
            compactor.compact();
            compactor.watchSyncs();
            assertThat(store.getRetentionTime()).as("just synced").isEqualTo(retention.toMillis());
            // Past half the retention, not the whole of it.
            Thread.sleep(retention.toMillis() * 3 / 4);
            compactor.watchSyncs();
            assertThat(store.getRetentionTime()).as("no sync since").isEqualTo(H2_RETENTION.toMillis());
            compactor.compact();
            assertThat(store.getRetentionTime()).as("synced again").isEqualTo(retention.toMillis());
        }
    }

    @Test
    void aRunThatFailsBeforeItsSyncAndTheRouteStoppingGiveBackTheRetention() throws Exception {
        try (JournalDatabase database = new JournalDatabase(compacted, SERVICE_URL);
                Connection open = database.dataSource().getConnection()) {
            AtomicBoolean refusing = new AtomicBoolean();
            DataSource refused = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                        if (method.getName().equals("getConnection") && refusing.get()) {
                            throw new SQLException("no connection (test)");
                        }
                        return method.invoke(database.dataSource(), arguments);
                    });
            CompactJournalFile compactor = new CompactJournalFile(refused, new SimpleMeterRegistry(), RETENTION);
            MVStore store = CompactJournalFile.embeddedStore(open).orElseThrow();
            compactor.compact();
            assertThat(store.getRetentionTime()).as("after a sync").isEqualTo(RETENTION.toMillis());

            refusing.set(true);
            assertThat(compactor.compact()).isFalse();
            assertThat(store.getRetentionTime()).as("after a run without a sync").isEqualTo(H2_RETENTION.toMillis());

            refusing.set(false);
            compactor.compact();
            assertThat(store.getRetentionTime()).as("after the next sync").isEqualTo(RETENTION.toMillis());
            compactor.stop();
            assertThat(store.getRetentionTime()).as("stopped").isEqualTo(H2_RETENTION.toMillis());
        }
    }

    @Test
    void aShorterRetentionInTheUrlIsKept() throws Exception {
        try (JournalDatabase database = new JournalDatabase(compacted, SERVICE_URL + ";RETENTION_TIME=2000");
                Connection open = database.dataSource().getConnection()) {
            new CompactJournalFile(database.dataSource(), new SimpleMeterRegistry(), RETENTION).compact();
            assertThat(CompactJournalFile.embeddedStore(open).orElseThrow().getRetentionTime()).isEqualTo(2000);
        }
    }

    @ParameterizedTest(name = "compacted every {0}: dead chunks kept {1}")
    @CsvSource({
            "PT0.25S, PT10S",
            "PT2.5S, PT10S",
            "PT3S, PT12S",
            "PT30S, PT2M",
    })
    void theRetentionIsFourRunsAndAtLeastTenSeconds(Duration interval, Duration retention) {
        assertThat(CompactJournalFile.chunkRetention(interval)).isEqualTo(retention);
    }

    @Test
    void compactingWhileSeveralThreadsWriteLosesNothingTheJournalFindsAfterAReopen() throws Exception {
        int threads = 4;
        try (JournalDatabase database = new JournalDatabase(compacted, SERVICE_WRITES)) {
            CancelJournal journal = new CancelJournal(database.dataSource(), Clock.systemUTC());
            CompactJournalFile compactor = new CompactJournalFile(database.dataSource(), new SimpleMeterRegistry(),
                    RETENTION);
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger rewritingRuns = new AtomicInteger();
            Thread compacting = new Thread(() -> {
                while (writing.get()) {
                    if (compactor.compact()) {
                        rewritingRuns.incrementAndGet();
                    }
                }
            });
            compacting.start();
            ExecutorService writers = Executors.newFixedThreadPool(threads);
            List<Future<?>> written = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String prefix = "req-" + t + "-";
                written.add(writers.submit(() -> IntStream.range(0, CANCELS / threads)
                        .forEach(i -> cancel(journal, prefix + i))));
            }
            try {
                for (Future<?> writer : written) {
                    writer.get(2, TimeUnit.MINUTES);
                }
            } finally {
                writing.set(false);
                writers.shutdownNow();
                compacting.join();
            }
            assertThat(rewritingRuns.get()).as("compaction runs that rewrote chunks during the writes").isPositive();
        }
        try (JournalDatabase reopened = new JournalDatabase(compacted, SERVICE_WRITES)) {
            CancelJournal journal = new CancelJournal(reopened.dataSource(), Clock.systemUTC());
            for (int t = 0; t < threads; t++) {
                for (int i = 0; i < CANCELS / threads; i++) {
                    String requestId = "req-" + t + "-" + i;
                    JournalEntry entry = journal.find("default", requestId).orElseThrow(() -> new AssertionError(requestId));
                    assertThat(entry.result().outcome()).as(requestId).isEqualTo(Outcome.CANCELLED);
                    assertThat(journal.attempts("default", requestId)).as(requestId).hasSize(1);
                }
            }
        }
    }

    @Test
    void aJournalNotYetThereIsNotCompactedNorGaugedAndIsOnceItIs() throws Exception {
        JdbcDataSource notYet = new JdbcDataSource();
        notYet.setURL("jdbc:h2:file:" + compacted.resolve("journal") + ";IFEXISTS=TRUE");
        notYet.setUser("sa");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CompactJournalFile compactor = new CompactJournalFile(notYet, registry, RETENTION);

        assertThat(compactor.compact()).isFalse();
        assertThat(registry.find("cancel.journal.file.size").gauge()).as("no file, no gauge").isNull();

        try (JournalDatabase database = new JournalDatabase(compacted, SERVICE_WRITES)) {
            compactor.compact();
            assertThat(registry.get("cancel.journal.file.size").gauge().value())
                    .isEqualTo(Files.size(compacted.resolve("journal.mv.db")));
        }
    }

    @Test
    void aDatabaseWithoutAFileHereIsAskedOnceAndThenLeftAlone() throws SQLException {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:compact-none");
        AtomicInteger connections = new AtomicInteger();
        DataSource counted = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection")) {
                        connections.incrementAndGet();
                    }
                    return method.invoke(memory, arguments);
                });
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CompactJournalFile compactor = new CompactJournalFile(counted, registry, RETENTION);

        try (Connection connection = memory.getConnection()) {
            assertThat(CompactJournalFile.embeddedStore(connection)).isEmpty();
        }
        assertThat(compactor.compact()).isFalse();
        assertThat(compactor.compact()).isFalse();
        assertThat(connections).hasValue(1);
        assertThat(registry.getMeters()).isEmpty();
    }

    /** H2's own rule: the young chunks, mostly dead under load and waiting out the retention time, do not count. */
    @ParameterizedTest(name = "rewritable chunks {0} % live, all chunks {1} % -> {2}")
    @CsvSource({
            "30, 30, true",
            "49, 5, true",
            "50, 5, false",
            "90, 2, false",
            "100, 60, false",
    })
    void theChunksOldEnoughToBeRewrittenDecide(String rewritableLive, String allLive, boolean worth) {
        assertThat(CompactJournalFile.worthRewriting(Map.of("info.CHUNKS_FILL_RATE_RW", rewritableLive,
                "info.CHUNKS_FILL_RATE", allLive))).isEqualTo(worth);
    }

    @Test
    void anH2ThatNoLongerReportsTheRewritableShareIsAFailureNotASilentStop() {
        assertThatThrownBy(() -> CompactJournalFile.worthRewriting(Map.of("info.CHUNKS_FILL_RATE", "5")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("info.CHUNKS_FILL_RATE_RW");
    }

    /** The file's size once the cancels are written with the service's URL, compacted with this chunk retention. */
    private static long writtenWithRetention(Path directory, Duration retention) throws Exception {
        try (JournalDatabase database = new JournalDatabase(directory, SERVICE_URL);
                Connection open = database.dataSource().getConnection()) {
            write(database.dataSource(), new CompactJournalFile(database.dataSource(), new SimpleMeterRegistry(),
                    retention));
            assertThat(CompactJournalFile.embeddedStore(open).orElseThrow().getRetentionTime())
                    .isEqualTo(retention.toMillis());
            return Files.size(directory.resolve("journal.mv.db"));
        }
    }

    /** Writes the cancels one commit at a time, compacting after every hundred when given a compactor. */
    private static int write(DataSource dataSource, CompactJournalFile compactor) {
        CancelJournal journal = new CancelJournal(dataSource, Clock.systemUTC());
        int rewritingRuns = 0;
        for (int i = 0; i < CANCELS; i++) {
            cancel(journal, "req-" + i);
            if (compactor != null && i % 100 == 99 && compactor.compact()) {
                rewritingRuns++;
            }
        }
        return rewritingRuns;
    }

    /** Claims the request and stores its result with one attempt, as the service's run does. */
    private static void cancel(CancelJournal journal, String requestId) {
        CancelRequest request = new CancelRequest(requestId, "hyperswitch", "m-1", "pay_" + requestId,
                "duplicate order", "cus_1", null);
        String token = ((Claim.Owned) journal.claim("default", request, Channel.REST, false, Duration.ofMinutes(2)))
                .token();
        assertThat(journal.complete("default", requestId, token,
                CancelJournalContract.result(request, Outcome.CANCELLED, Channel.REST), List.of(new AttemptRecord(1,
                Instant.now(), 200, 25, null, "{\"payment_id\":\"" + request.reference() + "\",\"status\":\"cancelled\"}",
                CallKind.CANCEL)), null, false)).isTrue();
    }

    private static int info(DataSource dataSource, String name) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = '" + name + "'")) {
            assertThat(row.next()).as(name).isTrue();
            return Integer.parseInt(row.getString(1));
        }
    }
}

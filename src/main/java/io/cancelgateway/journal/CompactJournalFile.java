package io.cancelgateway.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Service;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.cancelgateway.flow.LogValue;

/**
 * Keeps the embedded H2 journal's file from growing without end. H2 writes each commit as a new chunk of pages and
 * reuses a chunk's space only once none of its pages is live; its own housekeeping, which rewrites the few live
 * pages of mostly dead chunks so those can be freed, runs on the background writer that {@code WRITE_DELAY=0} (each
 * commit written before it is answered) turns off. Without it a chunk keeps its space for one live page: 40,000
 * cancels written at 500 a second left a file of 3.5 GB, its chunks 2 % live, and it kept growing by 50 KB a cancel
 * (README, journal). This runs that housekeeping on the journal's timer, and gauges the file's size and live share.
 * <p>
 * H2 also keeps a dead chunk's space for its retention time (45 s) before reusing it, assuming the disk has
 * everything written that long ago (its allowance for the operating system's write-back): under load that window was
 * most of the file (README, journal). Each run therefore first syncs the file, which makes H2's assumption true
 * after one run, and lets H2 reuse space after {@link #chunkRetention(Duration) a shorter time}; a run that fails,
 * the route's stop, and {@link #watchSyncs() a watch} once the runs stop give H2 back its own. The syncs also bound
 * what a machine's crash can lose of answered results to about one run's interval, on a disk that honours them. On
 * PostgreSQL (autovacuum, and its own sync at every commit) there is nothing to do, nor on an H2 server, whose own
 * process holds the file.
 */
@ApplicationScoped
@Named("compactJournalFile")
public class CompactJournalFile implements Processor, Service {

    private static final Logger LOG = Logger.getLogger(CompactJournalFile.class);

    /**
     * Compacting runs while the chunks that can be rewritten hold less live data than this, in percent: past half
     * dead, their live pages are cheaper to copy than their space is to keep.
     */
    static final int TARGET_FILL_RATE = 50;
    /**
     * At most this many live bytes rewritten per run: the store takes no commit while a run rewrites. At 500 cancels a
     * second, 4 MB every second kept the journal's writer waiting up to 0.18 s (43 waits of 10 ms or more in 2
     * minutes); 1 MB every 250 ms, rewriting as much, up to 33 ms (3 waits).
     */
    static final int MAX_REWRITE_BYTES = 1 << 20;

    /** The least time H2 keeps a dead chunk once the file is synced every run. */
    static final Duration MIN_CHUNK_RETENTION = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final MeterRegistry registry;
    private final Duration chunkRetention;
    private final AtomicLong fileBytes = new AtomicLong();
    private final AtomicInteger livePercent = new AtomicInteger();
    private boolean failing;
    private boolean gaugesRegistered;
    /** Whether this process holds the journal's file; null until a run has reached the database. */
    private Boolean holdsFile;
    /** The store the last run found; H2 opens another after a failure that closed it. */
    private MVStore store;
    /** That store's retention time as H2 opened it (its default, or the URL's {@code RETENTION_TIME}). */
    private volatile int openedRetentionMs;
    /** The store whose retention a run shortened, until it is given back; read by {@link #watchSyncs()}. */
    private volatile MVStore shortened;
    /** When the last sync that shortened the retention ended ({@link System#nanoTime()}). */
    private volatile long lastSyncNanos;
    /**
     * Whether a sync failed: the operating system may then have dropped what it had not written, which no later sync
     * writes, nor a store H2 opens again on the same file. Until the service restarts, H2 keeps its own retention.
     */
    private volatile boolean syncFailed;

    @Inject
    public CompactJournalFile(DataSource dataSource, MeterRegistry registry, JournalConfig config) {
        this(dataSource, registry, chunkRetention(config.compactInterval()));
    }

    CompactJournalFile(DataSource dataSource, MeterRegistry registry, Duration chunkRetention) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.chunkRetention = chunkRetention;
    }

    /**
     * How long H2 keeps a dead chunk once every run, {@code interval} apart, syncs the file: four intervals, so that
     * runs late by seconds (a slow sync, a long rewrite) still find everything older on disk, and at least
     * {@link #MIN_CHUNK_RETENTION}.
     */
    static Duration chunkRetention(Duration interval) {
        Duration fourRuns = interval.multipliedBy(4);
        return fourRuns.compareTo(MIN_CHUNK_RETENTION) > 0 ? fourRuns : MIN_CHUNK_RETENTION;
    }

    @Override
    public void process(Exchange exchange) {
        compact();
    }

    /**
     * Syncs the file, then rewrites live pages of old, little-live chunks while the chunks old enough to be rewritten
     * are less than {@link #TARGET_FILL_RATE} live, and writes them out; false when it rewrote nothing (nothing to do,
     * no file here, the store busy for longer than H2 waits, or a failure, logged). Synchronised: the timer never
     * overlaps its runs, and a test's caller may be another thread.
     */
    synchronized boolean compact() {
        if (Boolean.FALSE.equals(holdsFile)) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            Optional<MVStore> embedded = embeddedStore(connection);
            holdsFile = embedded.isPresent();
            boolean rewritten = false;
            if (embedded.isPresent()) {
                syncThenShortenRetention(embedded.get());
                Map<String, String> info = info(embedded.get());
                rewritten = worthRewriting(info) && rewrite(embedded.get());
                // The figures read for the decision, unless the run changed them (each read walks every chunk).
                measure(rewritten ? info(embedded.get()) : info);
            }
            if (failing) {
                failing = false;
                LOG.info("journal file: compacting again");
            }
            return rewritten;
        } catch (SQLException | RuntimeException failure) {
            giveBackRetention();
            // A full disk or a database down fails every run until it is mended: one line, not one a run.
            if (!failing) {
                failing = true;
                LOG.warnf("journal file: not compacted (%s); trying again every run", LogValue.quoted(
                        String.valueOf(failure.getMessage()).lines().findFirst().orElse("")));
            }
            return false;
        }
    }

    /**
     * Syncs the file, then lets H2 reuse a dead chunk's space after {@link #chunkRetention}, or after the retention
     * H2 was opened with where that is shorter: H2 overwrites only what it assumes is on disk. H2 has its own back
     * while the sync runs, so a sync that hangs leaves it so.
     */
    private void syncThenShortenRetention(MVStore found) {
        if (found != store) {
            store = found;
            openedRetentionMs = found.getRetentionTime();
        }
        giveBackRetention();
        long started = System.nanoTime();
        try {
            found.sync();
        } catch (RuntimeException failure) {
            timeSync(started, "failed");
            if (!syncFailed) {
                syncFailed = true;
                LOG.warnf("journal file: a sync failed; H2 keeps its own retention (%d ms) until the service restarts",
                        openedRetentionMs);
            }
            throw failure;
        }
        timeSync(started, "synced");
        if (!syncFailed) {
            lastSyncNanos = System.nanoTime();
            // A negative retention (H2's "overwrite at once") is shorter than any.
            found.setRetentionTime(openedRetentionMs < 0 ? openedRetentionMs
                    : (int) Math.min(openedRetentionMs, chunkRetention.toMillis()));
            shortened = found;
        }
    }

    private void timeSync(long started, String outcome) {
        Timer.builder("cancel.journal.file.sync").description("Syncs of the embedded H2 journal's file, by outcome")
                .tag("outcome", outcome).register(registry).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /**
     * Gives the store back the retention it was opened with where a run had shortened it: without the runs' syncs
     * nothing says what is on disk (a closed store ignores it).
     */
    private void giveBackRetention() {
        MVStore given = shortened;
        if (given != null) {
            shortened = null;
            given.setRetentionTime(openedRetentionMs);
        }
    }

    /**
     * Gives H2 back its own retention when no sync has ended for half the shortened one: the runs stalled, or their
     * route was suspended. On a timer route of its own, so that it does not wait for a run.
     */
    public void watchSyncs() {
        if (shortened != null && System.nanoTime() - lastSyncNanos > chunkRetention.toNanos() / 2) {
            giveBackRetention();
        }
    }

    @Override
    public void start() {
        // Each run finds the store itself.
    }

    /** The route stopped: no more syncs. */
    @Override
    public void stop() {
        giveBackRetention();
    }

    /** The store's {@code info.*} figures, as H2's {@code INFORMATION_SCHEMA.SETTINGS} shows them. */
    private static Map<String, String> info(MVStore store) {
        Map<String, String> info = new HashMap<>();
        store.populateInfo(info::put);
        return info;
    }

    private static boolean rewrite(MVStore store) {
        // compact() would decide again on all chunks, the young ones included: 100 leaves it to worthRewriting. It
        // takes the chunks old enough to be rewritten, the older and less live first.
        if (!store.compact(100, MAX_REWRITE_BYTES)) {
            return false;
        }
        // The rewritten pages would otherwise wait for the next cancel's commit, and be rewritten again.
        store.commit();
        return true;
    }

    /**
     * Whether the chunks old enough to be rewritten (older than H2's retention time) are less than
     * {@link #TARGET_FILL_RATE} live, from the store's {@code info.*} figures. The young ones do not count, as in H2's
     * own housekeeping: under load they are mostly dead, waiting out the retention time, and counting them would keep
     * it rewriting dense chunks for as long as the load lasts.
     */
    static boolean worthRewriting(Map<String, String> info) {
        String rewritableLive = info.get("info.CHUNKS_FILL_RATE_RW");
        if (rewritableLive == null) {
            // An H2 that no longer reports it would otherwise never be compacted, without a word.
            throw new IllegalStateException("H2 reports no info.CHUNKS_FILL_RATE_RW");
        }
        return Integer.parseInt(rewritableLive) < TARGET_FILL_RATE;
    }

    /** The file's size and live share, as gauges from the first run that finds a file on (none on PostgreSQL). */
    private void measure(Map<String, String> info) {
        fileBytes.set(Long.parseLong(info.get("info.FILE_SIZE")));
        livePercent.set(Integer.parseInt(info.get("info.CHUNKS_FILL_RATE")));
        if (!gaugesRegistered) {
            gaugesRegistered = true;
            Gauge.builder("cancel.journal.file.size", fileBytes, AtomicLong::get).baseUnit("bytes").strongReference(true)
                    .description("Size of the embedded H2 journal's file").register(registry);
            Gauge.builder("cancel.journal.file.live", livePercent, AtomicInteger::get).baseUnit("percent")
                    .strongReference(true)
                    .description("Share of the H2 journal's chunks that is live data, the rest waiting for reuse")
                    .register(registry);
        }
    }

    /** The H2 store this process holds the journal in; empty for PostgreSQL, an H2 server or an in-memory H2. */
    public static Optional<MVStore> embeddedStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null ? Optional.empty() : Optional.of(store);
    }
}

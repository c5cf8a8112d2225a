package io.cancelgateway.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ServiceStatus;
import org.apache.camel.support.service.ServiceHelper;
import org.jboss.logging.Logger;

import io.cancelgateway.client.Client;
import io.cancelgateway.flow.CancelExchange;
import io.cancelgateway.flow.LogValue;
import io.cancelgateway.journal.JournalUnavailable;
import io.cancelgateway.journal.RequestInProgress;
import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Channel;
import io.cancelgateway.model.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Cancels every row of one CSV file and publishes its results file. Rows are streamed and run through the cancel flow
 * {@code cancel.file.concurrency} at a time (the files in progress together, each taking its turn), and their results
 * are written in input order through a bounded window, so memory stays constant whatever the file's length. A row's
 * exchange is started on one of the channel's threads and finished from its completion: a row waiting for its
 * provider's next attempt holds no thread. A file runs as the client whose inbox folder it is in
 * ({@link ClientInboxes}). The input moves to {@code .done} only once its results file is complete; a file that cannot
 * be processed at all moves to {@code .failed} with the reason; a technical failure (the journal unreachable, a row
 * still in progress elsewhere) leaves it in the inbox to be processed again, rows already final being replayed.
 *
 * <p>Each client's files are processed one at a time, in the order the inbox gives them, on a thread of that client's
 * own; the clients' files side by side, sharing the channel's rows in flight in turn. The inbox's poll hands a file
 * over and goes on, so a client's file of a million rows holds up none of another client's files.
 */
@Startup // so that a delimiter the reader cannot use stops the service at its start, not each file
@ApplicationScoped
@Named("processCsvFile")
public class ProcessCsvFile implements AsyncProcessor {

    private static final Logger LOG = Logger.getLogger("io.cancelgateway.file");

    private final CamelContext camel;
    private final ClientInboxes inboxes;
    private final MeterRegistry metrics;
    private final char delimiter;
    /** The rows in flight of every file together, handed out in turn: files running side by side share them. */
    private final Semaphore rowsInFlight;
    private final long settleMillis;
    private final int maxLineBytes;
    private final boolean escapeFormulas;
    private final int window;
    private final ExecutorService rows;
    private final InboxRetries retries = new InboxRetries();
    /**
     * Inputs whose results were published but that could not be moved to {@code .done}, by their modification time:
     * moved again at their next try, never processed again, so that each poll does not publish their results anew.
     */
    private final Map<Path, FileTime> publishedNotArchived = new ConcurrentHashMap<>();
    /** Each client's thread for its files (the top-level inbox's for its own and strangers'), ended when idle. */
    private final Map<InboxFolders, ThreadPoolExecutor> files = new ConcurrentHashMap<>();
    private volatile AsyncProducer flow;

    public ProcessCsvFile(CamelContext camel, ClientInboxes inboxes, FileChannelConfig config,
            MeterRegistry metrics) {
        this.camel = camel;
        this.inboxes = inboxes;
        this.metrics = metrics;
        this.delimiter = usable(config.delimiter());
        this.rowsInFlight = new Semaphore(config.concurrency(), true);
        this.settleMillis = config.settle().toMillis();
        this.maxLineBytes = config.maxLineBytes();
        this.escapeFormulas = config.escapeFormulas();
        this.window = 2 * config.concurrency();
        AtomicInteger threads = new AtomicInteger();
        this.rows = Executors.newFixedThreadPool(config.concurrency(), task -> {
            Thread thread = new Thread(task, "csv-row-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The delimiter, if the CSV reader and the row-length check can tell it apart from quotes, padding and line
     * breaks: one ASCII character other than those.
     */
    static char usable(char delimiter) {
        if (delimiter > 0x7F || delimiter == '"' || delimiter == ' ' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("cancel.file.delimiter must be one ASCII character other than a quote, "
                    + "a space or a line break, was U+" + String.format("%04X", (int) delimiter));
        }
        return delimiter;
    }

    /** Gives the files and rows in progress 30 s in all to end: Camel's routes have stopped by now. */
    @PreDestroy
    void stop() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        files.values().forEach(ThreadPoolExecutor::shutdown);
        for (ThreadPoolExecutor client : files.values()) {
            client.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        rows.shutdown();
        rows.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        ServiceHelper.stopService(flow);
    }

    /** Hands the file to its client's thread; the exchange, and so the file's read lock, ends with its processing. */
    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Path input = exchange.getMessage().getBody(java.io.File.class).toPath();
        try {
            filesOf(inboxes.foldersOf(input)).execute(() -> {
                try {
                    processFile(input);
                } catch (Exception | Error failed) {
                    exchange.setException(failed);
                } finally {
                    callback.done(false);
                }
            });
            return false;
        } catch (RejectedExecutionException stopping) {
            exchange.setException(stopping);
            callback.done(true);
            return true;
        }
    }

    @Override
    public CompletableFuture<Exchange> processAsync(Exchange exchange) {
        CompletableFuture<Exchange> processed = new CompletableFuture<>();
        process(exchange, doneSync -> processed.complete(exchange));
        return processed;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        processAsync(exchange).get();
    }

    private ThreadPoolExecutor filesOf(InboxFolders folders) {
        return files.computeIfAbsent(folders, client -> {
            String thread = "csv-files-" + client.inbox().getFileName();
            ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
                    task -> {
                        Thread files = new Thread(task, thread);
                        files.setDaemon(true);
                        return files;
                    });
            executor.allowCoreThreadTimeOut(true);
            return executor;
        });
    }

    private void processFile(Path input) throws Exception {
        String name = input.getFileName().toString();
        if (!retries.due(input)) {
            return; // left in the inbox after a failure; tried again once its wait is over
        }
        if (stopping() || !stillSettled(input)) {
            return; // left for the next start, or for a poll once it is settled again
        }
        InboxFolders folders = inboxes.foldersOf(input);
        FileTime published = publishedNotArchived.get(input);
        if (published != null && published.equals(Files.getLastModifiedTime(input, LinkOption.NOFOLLOW_LINKS))) {
            archiveDone(folders, input, name);
            return;
        }
        String refusal = refusal(input, name);
        if (refusal != null) {
            reject(folders, input, name, refusal);
            return;
        }
        Client client = inboxes.clientOf(input).orElse(null);
        if (client == null) {
            reject(folders, input, name, "the file's folder is no client's: drop files into <inbox>/<client>/ for a "
                    + "client configured as cancel.clients.<client>, or into the inbox itself for the single-tenant "
                    + "client of cancel.api.keys");
            return;
        }
        long started = System.nanoTime();
        Path partial = folders.resultsInProgress(name);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        // Which file this is: an ERP may rename the next file of the same name into place meanwhile.
        Object read = fileIdentity(input);
        try {
            FileRequestIds ids = FileRequestIds.of(input, maxLineBytes, delimiter);
            try (InputStream in = Files.newInputStream(input, LinkOption.NOFOLLOW_LINKS);
                    CsvRequestReader reader = new CsvRequestReader(in, delimiter);
                    OutputStream out = folders.createInOutbox(partial);
                    CsvResultWriter writer = new CsvResultWriter(out, delimiter, escapeFormulas)) {
                if (!Objects.equals(read, fileIdentity(input))) {
                    // Checked and hashed as one file, its rows read from another: read again, as the new one.
                    throw new ReplacedWhileRead();
                }
                Deque<Future<AnsweredRow>> inFlight = new ArrayDeque<>();
                while (reader.hasNext()) {
                    if (stopping()) {
                        throw new ServiceStopping();
                    }
                    CsvRow row = reader.next();
                    rowsInFlight.acquire();
                    CompletableFuture<AnsweredRow> answered;
                    try {
                        answered = answer(row, ids, client);
                    } catch (RuntimeException | Error notStarted) {
                        rowsInFlight.release();
                        throw notStarted;
                    }
                    answered.whenComplete((ignored, failure) -> rowsInFlight.release());
                    inFlight.add(answered);
                    if (inFlight.size() >= window) {
                        writeOldest(inFlight, writer, counts);
                    }
                }
                while (!inFlight.isEmpty()) {
                    writeOldest(inFlight, writer, counts);
                }
            }
        } catch (CsvFileRejected rejected) {
            discard(folders, partial);
            reject(folders, input, name, rejected.getMessage());
            return;
        } catch (JournalUnavailable | RequestInProgress technical) {
            discard(folders, partial);
            leaveInInbox(Logger.Level.WARN, input, "it fails", technical.getMessage());
            return;
        } catch (ServiceStopping stopping) {
            // The rows in flight end as Camel stops; the file is processed again at the next start, those replayed.
            discard(folders, partial);
            LOG.infof("file name=%s left in the inbox: the service is stopping; it is processed again at the next "
                    + "start", LogValue.of(name));
            return;
        } catch (ReplacedWhileRead replaced) {
            discard(folders, partial);
            leaveInInbox(Logger.Level.INFO, input, "it is replaced", "another file took its name while it was read");
            return;
        } catch (Exception unexpected) {
            discard(folders, partial);
            leaveInInbox(Logger.Level.ERROR, input, "it fails", String.valueOf(unexpected));
            return;
        }
        if (retries.succeeded(input)) {
            LOG.infof("file name=%s processed after earlier failures", LogValue.of(name));
        }
        // Another file renamed into its place (or it was removed) meanwhile: its results are published all the same,
        // and a file in its place is the next one, not archived unread.
        boolean stillThere = Objects.equals(read, fileIdentity(input));
        FileTime modified;
        Path results;
        try {
            modified = stillThere ? Files.getLastModifiedTime(input, LinkOption.NOFOLLOW_LINKS) : null;
            results = folders.publishResults(partial, name);
        } catch (IOException notPublished) {
            discard(folders, partial);
            leaveInInbox(Logger.Level.ERROR, input, "its results cannot be published", String.valueOf(notPublished));
            return;
        }
        if (stillThere) {
            publishedNotArchived.put(input, modified);
            archiveDone(folders, input, name);
        } else {
            LOG.infof("file name=%s was replaced or removed while it was processed: its results are published; a "
                    + "file now of that name is processed as a new one", LogValue.of(name));
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        metrics.counter("cancel.file.files", "status", "done").increment();
        metrics.counter("cancel.file.rows").increment(total);
        LOG.infof("file name=%s client=%s rows=%d outcomes=%s results=%s duration_ms=%d", LogValue.of(name),
                client.name(), total, counts, LogValue.of(results.getFileName().toString()),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /**
     * Leaves the input for a later poll, logging when it is tried again the first time this failure is met (not at
     * every retry). The failure is quoted: its text may hold the file's name, which is the caller's.
     */
    private void leaveInInbox(Logger.Level level, Path input, String whileIt, String failure) {
        if (retries.failed(input, failure)) {
            LOG.logf(level, "file name=%s left in the inbox to be processed again in %d s, then less often while "
                    + "%s: %s", LogValue.of(input.getFileName().toString()), retries.waitFor(input).toSeconds(),
                    whileIt, LogValue.quoted(failure));
        }
    }

    /** Removes a results file left unpublished; one that cannot be removed is created anew at the next try. */
    private static void discard(InboxFolders folders, Path partial) {
        try {
            folders.discardFromOutbox(partial);
        } catch (IOException stays) {
            LOG.debugf("a results file in progress stays: %s", LogValue.quoted(String.valueOf(stays)));
        }
    }

    /** Moves a file whose results are published to {@code .done}; tried again later while that fails. */
    private void archiveDone(InboxFolders folders, Path input, String name) {
        try {
            folders.archiveDone(input);
            publishedNotArchived.remove(input);
            if (retries.succeeded(input)) {
                LOG.infof("file name=%s moved to .done after earlier failures", LogValue.of(name));
            }
        } catch (IOException notMoved) {
            if (retries.failed(input, String.valueOf(notMoved))) {
                LOG.errorf("file name=%s: its results are published, but it cannot be moved to .done (%s); moved "
                        + "again in %d s, then less often while it fails, never processed again unless it changes",
                        LogValue.of(name), LogValue.quoted(String.valueOf(notMoved)),
                        retries.waitFor(input).toSeconds());
            }
        }
    }

    /**
     * Which file has that name: the file system's key for it (its inode), or where the file system has none its
     * modification time (another file renamed into place has its own); null when none has.
     */
    private static Object fileIdentity(Path input) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(input, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attributes.fileKey() != null ? attributes.fileKey() : attributes.lastModifiedTime();
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    /** The service began to stop while the file was read: no more of its rows are started. */
    private static final class ServiceStopping extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** The input's name was given to another file between its check and its rows' read. */
    private static final class ReplacedWhileRead extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Why the file is not read at all, or null: only regular files are. */
    private static String refusal(Path input, String name) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(input, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            return "not a regular file (" + (attributes.isSymbolicLink() ? "a symbolic link" : attributes.isDirectory()
                    ? "a directory" : "a FIFO, socket or device") + "): only regular files are read, never through a link";
        }
        return null;
    }

    /**
     * Moves a settled input whose name leaves no room for the names of its results and archive files to
     * {@code .failed}, from the inbox's listing ({@link InboxFiles}): before Camel's read lock, whose marker file
     * ({@code <name>.camelLock}) cannot be made for a name of over 245 bytes, so that such a file was tried, and logged
     * by Camel with its name as it is, at every poll, and never moved.
     *
     * @return whether the name is too long (the file is not to be read, whether or not it could be moved yet)
     */
    boolean refusedForItsName(Path input) {
        String name = input.getFileName().toString();
        int nameBytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (nameBytes <= InboxFolders.MAX_NAME_BYTES) {
            return false;
        }
        if (retries.due(input)) {
            reject(inboxes.foldersOf(input), input, name, "the file name is " + nameBytes + " bytes long; up to "
                    + InboxFolders.MAX_NAME_BYTES + " leave room for the names of its results and archive files");
        }
        return true;
    }

    /**
     * Whether the input's name is one Java could not decode (bytes not in {@code sun.jnu.encoding}: not UTF-8, or
     * beyond ASCII in a process without a UTF-8 locale). Java lists such a name with U+FFFD for what it could not
     * decode, and no file has that name: the file can be neither read nor moved, so it is said once, with what to do.
     */
    boolean undecodableName(Path input) {
        String name = input.getFileName().toString();
        if (name.indexOf('\uFFFD') < 0 || Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        String reason = "its name is not in the encoding the service reads file names in ("
                + System.getProperty("sun.jnu.encoding") + "), so it can be neither read nor moved: run the service "
                + "with a UTF-8 locale (LANG=C.UTF-8) and give files UTF-8 names";
        if (retries.due(input) && retries.failed(input, reason)) {
            LOG.warnf("file name=%s left in the inbox: %s", LogValue.of(name), reason);
        }
        return true;
    }

    /** Moves the input to {@code .failed} with the reason; when even that fails, leaves it and tries again later. */
    private void reject(InboxFolders folders, Path input, String name, String reason) {
        try {
            Path moved = folders.archiveFailed(input, reason);
            retries.succeeded(input);
            metrics.counter("cancel.file.files", "status", "failed").increment();
            LOG.warnf("file name=%s rejected: %s; moved to %s", LogValue.of(name), LogValue.quoted(reason),
                    LogValue.of(moved.toString()));
        } catch (IOException cannotMove) {
            if (retries.failed(input, reason)) {
                LOG.warnf("file name=%s rejected (%s) but cannot be moved to .failed: %s; left in the inbox",
                        LogValue.of(name), LogValue.quoted(reason), LogValue.quoted(cannotMove.toString()));
            }
        }
    }

    private static void writeOldest(Deque<Future<AnsweredRow>> inFlight, CsvResultWriter writer,
            Map<Outcome, Integer> counts) throws Exception {
        AnsweredRow answered;
        try {
            answered = inFlight.removeFirst().get();
        } catch (ExecutionException failed) {
            inFlight.forEach(pending -> pending.cancel(false));
            throw failed.getCause() instanceof Exception cause ? cause : failed;
        }
        writer.write(answered.row(), answered.request(), answered.result());
        counts.merge(answered.result().outcome(), 1, Integer::sum);
    }

    private CompletableFuture<AnsweredRow> answer(CsvRow row, FileRequestIds ids, Client client) {
        CancelRequest request = row.request().requestId() == null
                ? row.request().withRequestId(ids.forRow(row.row()))
                : row.request();
        if (row.problem() != null) {
            return CompletableFuture.completedFuture(
                    new AnsweredRow(row.row(), request, unanswered(request, Outcome.INVALID, row.problem())));
        }
        AsyncProducer cancelFlow = flow();
        Exchange exchange = cancelFlow.getEndpoint().createExchange();
        exchange.getMessage().setBody(request);
        exchange.setProperty(CancelExchange.CHANNEL, Channel.FILE.id());
        exchange.setProperty(CancelExchange.CLIENT, client);
        CompletableFuture<AnsweredRow> answered = new CompletableFuture<>();
        rows.execute(() -> {
            try {
                cancelFlow.process(exchange, doneSync -> complete(answered, row, request, exchange));
            } catch (RuntimeException failed) {
                answered.completeExceptionally(failed);
            }
        });
        return answered;
    }

    private static void complete(CompletableFuture<AnsweredRow> answered, CsvRow row, CancelRequest request,
            Exchange done) {
        Exception failure = done.getException();
        // Both leave the whole file in the inbox to be processed again: rows already final are then replayed, and a
        // row still in progress (another file, or a run cut short by a crash until its claim goes stale) is finished.
        if (failure instanceof JournalUnavailable || failure instanceof RequestInProgress) {
            answered.completeExceptionally(failure);
            return;
        }
        if (failure != null) {
            LOG.errorf(failure, "row %d of a file failed unexpectedly (request_id=%s)", row.row(),
                    LogValue.of(request.requestId()));
            answered.complete(new AnsweredRow(row.row(), request, unanswered(request, Outcome.ERROR,
                    "the row could not be processed; the service log has the details")));
            return;
        }
        answered.complete(new AnsweredRow(row.row(), request, done.getMessage().getBody(CancelResult.class)));
    }

    /** Whether Camel is stopping or has stopped: no row of a file is started then. */
    private boolean stopping() {
        ServiceStatus status = camel.getStatus();
        return status.isStopping() || status.isStopped();
    }

    /**
     * Whether the file handed over at the inbox's poll is still there and settled: it may have waited behind another
     * file of its client's, and been removed or written to again meanwhile.
     */
    private boolean stillSettled(Path input) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(input, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return !attributes.isRegularFile()
                    || InboxFiles.settled(attributes.lastModifiedTime().toMillis(), settleMillis);
        } catch (NoSuchFileException removed) {
            return false;
        }
    }

    /** The cancel flow's producer, made once the routes run. */
    private AsyncProducer flow() {
        AsyncProducer producer = flow;
        if (producer == null) {
            synchronized (this) {
                if (flow == null) {
                    Endpoint endpoint = camel.getEndpoint("direct:cancel");
                    try {
                        AsyncProducer created = endpoint.createAsyncProducer();
                        ServiceHelper.startService(created);
                        flow = created;
                    } catch (Exception cannotStart) {
                        throw new IllegalStateException("cannot call the cancel flow", cannotStart);
                    }
                }
                producer = flow;
            }
        }
        return producer;
    }

    private static CancelResult unanswered(CancelRequest request, Outcome outcome, String error) {
        return CancelResult.withoutCall(request, outcome, error)
                .completed(Channel.FILE, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), 0);
    }

    private record AnsweredRow(int row, CancelRequest request, CancelResult result) {
    }
}

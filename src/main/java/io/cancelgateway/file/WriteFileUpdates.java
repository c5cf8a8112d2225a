package io.cancelgateway.file;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.jboss.logging.Logger;

import io.cancelgateway.journal.CancelJournal;
import io.cancelgateway.sync.SortUpdates;
import io.cancelgateway.sync.SyncUpdate;

/**
 * Tells the file channel's callers what status checks changed (those that ended since the last poll, or one asked
 * for): one {@code updates-<yyyyMMdd-HHmmss>.results.csv} in each client's outbox (UTC) with a results file's columns
 * plus {@code sync_state}, one row per changed result of a file request, published in one atomic rename like a
 * results file. Only once it is published are the results marked as told; a run that fails before leaves them due,
 * so they are written again (at least once, never lost). Each client's file is written on its own: one that fails
 * keeps none of the others back.
 */
@ApplicationScoped
@Named("writeFileUpdates")
public class WriteFileUpdates implements Processor {

    private static final Logger LOG = Logger.getLogger("io.cancelgateway.file");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ClientInboxes inboxes;
    private final CancelJournal journal;
    private final char delimiter;
    private final boolean escapeFormulas;

    public WriteFileUpdates(ClientInboxes inboxes, CancelJournal journal, FileChannelConfig config) {
        this.inboxes = inboxes;
        this.journal = journal;
        this.delimiter = config.delimiter();
        this.escapeFormulas = config.escapeFormulas();
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        @SuppressWarnings("unchecked")
        List<SyncUpdate> updates = exchange.getProperty(SortUpdates.FILE_UPDATES, List.of(), List.class);
        if (updates.isEmpty()) {
            return;
        }
        Map<String, List<SyncUpdate>> byClient = updates.stream()
                .collect(Collectors.groupingBy(update -> update.check().client(), TreeMap::new, Collectors.toList()));
        String name = "updates-" + LocalDateTime.now(ZoneOffset.UTC).format(STAMP);
        IOException failed = null;
        for (Map.Entry<String, List<SyncUpdate>> client : byClient.entrySet()) {
            // One client's outbox failing keeps no other client's updates back.
            try {
                write(inboxes.foldersOf(client.getKey()), name, client.getKey(), client.getValue());
            } catch (IOException | RuntimeException notWritten) {
                IOException why = new IOException("updates file for client " + client.getKey() + " not written ("
                        + client.getValue().size() + " results, told again once due): " + notWritten, notWritten);
                if (failed == null) {
                    failed = why;
                } else {
                    failed.addSuppressed(why);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private void write(InboxFolders folders, String name, String client, List<SyncUpdate> updates) throws IOException {
        Path partial = folders.updatesInProgress(name);
        Path published;
        try {
            try (Writer out = new OutputStreamWriter(folders.createInOutbox(partial), StandardCharsets.UTF_8);
                    CsvResultWriter writer = new CsvResultWriter(out, delimiter, escapeFormulas, true)) {
                for (SyncUpdate update : updates) {
                    writer.write(null, update.check().request(), update.result());
                }
            }
            published = folders.publishUpdates(partial, name);
        } catch (IOException | RuntimeException notPublished) {
            // Nothing half done stays behind: the results are written again once due.
            folders.discardFromOutbox(partial);
            throw notPublished;
        }
        updates.forEach(update -> journal.announced(update.check()));
        LOG.infof("updates file=%s client=%s results=%d", published.getFileName(), client, updates.size());
    }
}

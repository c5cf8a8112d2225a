package io.cancelgateway.file;

import java.io.File;
import java.nio.file.Files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * Which of the inbox's files are read: CSV files (a name ending in {@code .csv}, any case; Camel skips hidden names
 * before asking) last modified at least {@code cancel.file.settle} ago. Decided when the inbox is listed, so that a
 * file not settled yet is left for a later poll without holding the poll up: the read lock would wait for it, every
 * other file and client behind it, and for a file modified in the future (a writer's clock ahead of this one) until its
 * timeout at every poll. A settled CSV file whose name is too long is moved to {@code .failed} here, before the read
 * lock, which could not mark it ({@link ProcessCsvFile#refusedForItsName}); one whose name Java could not decode is
 * said once and left ({@link ProcessCsvFile#undecodableName}). Folders pass, but for links to one: the
 * clients' inboxes are under the inbox.
 */
@ApplicationScoped
@Named("inboxFiles")
public class InboxFiles implements GenericFileFilter<File> {

    private final long settleMillis;
    private final ProcessCsvFile processCsvFile;

    public InboxFiles(FileChannelConfig config, ProcessCsvFile processCsvFile) {
        this.settleMillis = config.settle().toMillis();
        this.processCsvFile = processCsvFile;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        if (file.isDirectory()) {
            // Never through a link: a folder linked into the inbox (to another client's folders, say) is not entered.
            return !Files.isSymbolicLink(file.getFile().toPath());
        }
        return isCsv(file.getFileNameOnly())
                && settled(file.getLastModified(), settleMillis)
                && !processCsvFile.undecodableName(file.getFile().toPath())
                && !processCsvFile.refusedForItsName(file.getFile().toPath());
    }

    /** Whether a file last modified then has been left alone for the settle time. */
    static boolean settled(long lastModifiedMillis, long settleMillis) {
        return lastModifiedMillis <= System.currentTimeMillis() - settleMillis;
    }

    static boolean isCsv(String name) {
        return name.regionMatches(true, name.length() - 4, ".csv", 0, 4);
    }
}

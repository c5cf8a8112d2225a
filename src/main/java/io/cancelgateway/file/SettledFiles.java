package io.cancelgateway.file;

import java.io.File;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * The inbox's files old enough to read: last modified at least {@code cancel.file.settle} ago. Decided when the inbox
 * is listed, so that a file not settled yet is left for a later poll without holding the poll up: the read lock would
 * wait for it, every other file and client behind it, and for a file modified in the future (a writer's clock ahead of
 * this one) until its timeout at every poll. Folders pass: the clients' inboxes are under the inbox.
 */
@ApplicationScoped
@Named("settledFiles")
public class SettledFiles implements GenericFileFilter<File> {

    private final long settleMillis;

    public SettledFiles(FileChannelConfig config) {
        this.settleMillis = config.settle().toMillis();
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        return file.isDirectory() || file.getLastModified() <= System.currentTimeMillis() - settleMillis;
    }
}

package io.cancelgateway.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;

import org.h2.store.fs.FileBaseDefault;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's files on disk, whose sync fails while {@link #failing} is set, as a disk's can, and runs {@link #onSync} first:
 * {@code jdbc:h2:syncfail:/path}. Everything else is the file's own. Public, with its default constructor: H2 creates
 * one per path.
 */
public final class SyncFailingFilePath extends FilePathWrapper {

    static final String SCHEME = "syncfail";
    static volatile boolean failing;
    static volatile Runnable onSync = () -> { };

    /** Makes the scheme known to H2 (again: H2 keeps one per scheme). */
    static void register() {
        FilePath.register(new SyncFailingFilePath());
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new SyncFailingChannel(getBase().open(mode));
    }

    private static final class SyncFailingChannel extends FileBaseDefault {

        private final FileChannel file;

        SyncFailingChannel(FileChannel file) {
            this.file = file;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            onSync.run();
            if (failing) {
                throw new IOException("sync failed (test)");
            }
            file.force(metaData);
        }

        @Override
        public int read(ByteBuffer destination, long position) throws IOException {
            return file.read(destination, position);
        }

        @Override
        public int write(ByteBuffer source, long position) throws IOException {
            return file.write(source, position);
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        protected void implTruncate(long size) throws IOException {
            file.truncate(size);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return file.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }
    }
}

package io.cancelgateway.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client's folders on a real file system, with what a client that may write in its own inbox could put in place of
 * the service's own folders: nothing is moved, written or removed through it, and the service still starts.
 */
class InboxFoldersTest {

    @TempDir
    Path root;

    @Test
    void aFileInPlaceOfDoneStopsNoStartAndIsRefusedWhenAFileIsArchived() throws Exception {
        Path inbox = Files.createDirectories(root.resolve("inbox/erp-a"));
        Files.writeString(inbox.resolve(".done"), "not a folder");

        InboxFolders folders = new InboxFolders(inbox, root.resolve("outbox/erp-a"), true);
        Path input = Files.writeString(inbox.resolve("orders.csv"), "provider,reference\n");

        assertThatThrownBy(() -> folders.archiveDone(input)).isInstanceOf(FileSystemException.class)
                .hasMessageEndingWith(".done: not a folder where the service keeps a folder of its own; nothing is "
                        + "moved or written through a link");
        assertThat(input).exists();
        assertThat(Files.isDirectory(inbox.resolve(".failed"))).isTrue();
    }

    @Test
    void aLinkInPlaceOfDoneOrFailedMovesNothingIntoWhereItPoints() throws Exception {
        Path inbox = Files.createDirectories(root.resolve("inbox/erp-a"));
        Path otherClients = Files.createDirectories(root.resolve("inbox/erp-b"));
        InboxFolders folders = new InboxFolders(inbox, root.resolve("outbox/erp-a"), true);
        Path input = Files.writeString(inbox.resolve("orders.csv"), "provider,reference\n");
        for (String own : new String[] { ".done", ".failed" }) {
            Files.delete(inbox.resolve(own));
            Files.createSymbolicLink(inbox.resolve(own), otherClients);
        }

        assertThatThrownBy(() -> folders.archiveDone(input)).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("a symbolic link where the service keeps a folder of its own");
        assertThatThrownBy(() -> folders.archiveFailed(input, "no reference column"))
                .isInstanceOf(FileSystemException.class)
                .hasMessageContaining("a symbolic link where the service keeps a folder of its own");
        assertThat(input).exists();
        try (var inOtherClients = Files.list(otherClients)) {
            assertThat(inOtherClients).isEmpty();
        }
    }

    @Test
    void aLinkInPlaceOfAClientsOutboxIsNeitherWrittenNorEmptiedThrough() throws Exception {
        Path inbox = Files.createDirectories(root.resolve("inbox/erp-a"));
        Path outbox = root.resolve("outbox/erp-a");
        Path otherClients = Files.createDirectories(root.resolve("outbox/erp-b"));
        Files.createDirectories(outbox.getParent());
        Files.createSymbolicLink(outbox, otherClients);
        // erp-b's results in progress, under the name erp-a's own file of that name would have.
        Path othersPartial = Files.writeString(otherClients.resolve(".orders.csv.results.part"), "erp-b's rows");

        InboxFolders folders = new InboxFolders(inbox, outbox, true);
        Path partial = folders.resultsInProgress("orders.csv");

        assertThatThrownBy(() -> folders.createInOutbox(partial)).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("a symbolic link where the service keeps a folder of its own");
        folders.discardFromOutbox(partial);
        assertThat(Files.readString(othersPartial)).isEqualTo("erp-b's rows");
    }

    @Test
    void theConfiguredOutboxMayBeALinkTheOperatorMade() throws Exception {
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        Path elsewhere = Files.createDirectories(root.resolve("another-disk/outbox"));
        Path outbox = Files.createSymbolicLink(root.resolve("outbox"), elsewhere);

        InboxFolders folders = new InboxFolders(inbox, outbox, false);
        Path partial = folders.resultsInProgress("orders.csv");
        try (OutputStream out = folders.createInOutbox(partial)) {
            out.write("row\n".getBytes());
        }
        Path published = folders.publishResults(partial, "orders.csv");

        assertThat(elsewhere.resolve("orders.results.csv")).hasContent("row");
        assertThat(published.getFileName()).hasToString("orders.results.csv");
    }
}

package io.cancelgateway.file;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * One client's folders of the file channel: its inbox, its outbox, and under the inbox {@code .done} (processed inputs)
 * and {@code .failed} (inputs that could not be processed, each with a {@code .error.txt}). Nothing is ever
 * overwritten: a name already taken gets a timestamp suffix. Made by {@link ClientInboxes}.
 *
 * <p>The folders of the service's own ({@code .done}, {@code .failed}, a client's outbox) are never written through a
 * link: a client that may write in its own inbox could otherwise put a link in place of its {@code .done} to have its
 * files moved into another client's inbox, there to run as that client. Only the configured inbox and outbox
 * themselves may be links, the operator's choice.
 */
final class InboxFolders {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    /**
     * The longest input name read, in UTF-8 bytes: with a timestamp suffix and {@code .results.csv} its results file's
     * name still fits the 255 bytes a file name has on common file systems.
     */
    static final int MAX_NAME_BYTES = 200;
    private static final int MAX_FILE_NAME_BYTES = 255;

    private final Path inbox;
    private final Path outbox;
    /** Whether the outbox is the service's own folder (a client's), not the configured one. */
    private final boolean outboxOwn;

    /**
     * Creates the folders that do not exist yet; a link or a file found in place of one of the service's own is refused
     * when it is used, not here, so that what a client puts in its inbox stops no start.
     */
    InboxFolders(Path inbox, Path outbox, boolean outboxOwn) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.outboxOwn = outboxOwn;
        try {
            Files.createDirectories(inbox);
            for (Path folder : outboxOwn ? List.of(done(), failed(), outbox) : List.of(done(), failed())) {
                if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(folder);
                }
            }
            if (!outboxOwn) {
                Files.createDirectories(outbox);
            }
        } catch (IOException cannotCreate) {
            throw new UncheckedIOException("cannot create the inbox/outbox folders " + inbox + " and " + outbox
                    + " (cancel.file.inbox, cancel.file.outbox)", cannotCreate);
        }
    }

    Path inbox() {
        return inbox;
    }

    Path done() {
        return inbox.resolve(".done");
    }

    Path failed() {
        return inbox.resolve(".failed");
    }

    /** A hidden name in the outbox for a results file being written. */
    Path resultsInProgress(String inputName) {
        return outbox.resolve("." + inputName + ".results.part");
    }

    /** Publishes a complete results file as {@code <name>.results.csv} in one atomic rename. */
    Path publishResults(Path written, String inputName) throws IOException {
        return moveWithoutOverwriting(written, outbox(), baseName(inputName), ".results.csv");
    }

    /** A hidden name in the outbox for an updates file being written, its own: two runs never write into one. */
    Path updatesInProgress(String name) {
        return outbox.resolve("." + name + "-" + UUID.randomUUID() + ".part");
    }

    /** Publishes a complete updates file as {@code <name>.results.csv} in one atomic rename. */
    Path publishUpdates(Path written, String name) throws IOException {
        return moveWithoutOverwriting(written, outbox(), name, ".results.csv");
    }

    Path archiveDone(Path input) throws IOException {
        return moveWithoutOverwriting(input, ownFolder(done()), baseName(input), extension(input));
    }

    /** Moves the input to {@code .failed} and writes why next to it. */
    Path archiveFailed(Path input, String why) throws IOException {
        Path moved = moveWithoutOverwriting(input, ownFolder(failed()), baseName(input), extension(input));
        String movedName = moved.getFileName().toString();
        String movedBase = movedName.substring(0, movedName.length() - extension(input).length());
        try (OutputStream out = createNew(failed().resolve(fitting(movedBase, ".error.txt") + ".error.txt"))) {
            out.write((why + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
        }
        return moved;
    }

    /**
     * Creates a file of the service's own to write in the outbox, made again if it was removed. Whatever has its name
     * (left by a crash, or a link planted to have the service write elsewhere) is removed first, never followed: the
     * file is created new, and refused if another appears meanwhile.
     */
    OutputStream createInOutbox(Path file) throws IOException {
        outbox();
        return createNew(file);
    }

    /** Removes a file left unpublished in the outbox, never through a link in place of a client's outbox. */
    void discardFromOutbox(Path file) throws IOException {
        if (!outboxOwn || Files.isDirectory(outbox, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(file);
        }
    }

    private static OutputStream createNew(Path file) throws IOException {
        Files.deleteIfExists(file);
        return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** The outbox, made again if it was removed; a client's refused when a link has taken its place. */
    private Path outbox() throws IOException {
        if (outboxOwn) {
            return ownFolder(outbox);
        }
        Files.createDirectories(outbox);
        return outbox;
    }

    /**
     * A folder of the service's own, made again if it was removed while the service runs (else every poll would process
     * a file again that cannot be moved); refused when something else, a link above all, has its name.
     */
    private static Path ownFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return folder;
        }
        Files.createDirectories(folder.getParent());
        try {
            // Never through a link: mkdir does not follow one in the name it makes.
            Files.createDirectory(folder);
        } catch (FileAlreadyExistsException taken) {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileSystemException(folder.toString(), null, (Files.isSymbolicLink(folder)
                        ? "a symbolic link" : "not a folder") + " where the service keeps a folder of its own; "
                        + "nothing is moved or written through a link");
            }
        }
        return folder;
    }

    private static Path moveWithoutOverwriting(Path source, Path folder, String base, String suffix) throws IOException {
        Path target = folder.resolve(fitting(base, suffix) + suffix);
        while (true) {
            try {
                return rename(source, target);
            } catch (FileAlreadyExistsException taken) {
                String stamped = "-" + LocalDateTime.now().format(STAMP) + suffix;
                target = folder.resolve(fitting(base, stamped) + stamped);
            }
        }
    }

    /**
     * Gives the file its new name in one step that never replaces another file: a hard link, made whole or refused when
     * the name is taken, then the old name removed. A rename would replace a file that another writer (a second sync
     * run, say) published between the check and the rename. Where hard links are not supported, a checked rename.
     */
    private static Path rename(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (FileAlreadyExistsException taken) {
            throw taken;
        } catch (UnsupportedOperationException | FileSystemException noLinks) {
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            return Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.delete(source);
        } catch (IOException notRemoved) {
            // Never under both names: what failed to move did not move.
            Files.deleteIfExists(target);
            throw notRemoved;
        }
        return target;
    }

    /** The base, cut at a character so that base and suffix together fit a file name. */
    private static String fitting(String base, String suffix) {
        int room = MAX_FILE_NAME_BYTES - suffix.getBytes(StandardCharsets.UTF_8).length;
        String cut = base;
        while (cut.getBytes(StandardCharsets.UTF_8).length > room) {
            cut = cut.substring(0, cut.length() - 1);
            if (!cut.isEmpty() && Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
                cut = cut.substring(0, cut.length() - 1);
            }
        }
        return cut;
    }

    private static String baseName(Path file) {
        return baseName(file.getFileName().toString());
    }

    private static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : "";
    }
}

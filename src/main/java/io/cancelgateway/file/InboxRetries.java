package io.cancelgateway.file;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files left in the inbox after a technical failure (the journal's database down, a row still in progress elsewhere)
 * are tried again after 1 s, then twice as long each time up to a minute, instead of at every poll: an outage neither
 * floods the log nor keeps the service busy with a file that cannot go through yet.
 */
final class InboxRetries {

    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration LONGEST = Duration.ofMinutes(1);

    private final Map<Path, Retry> pending = new ConcurrentHashMap<>();

    /** Whether the file may be processed now: never failed, or its wait is over. */
    boolean due(Path file) {
        Retry retry = pending.get(file);
        return retry == null || System.nanoTime() - retry.dueAt >= 0;
    }

    /**
     * Notes a failure of the file.
     *
     * @return whether this failure says something new (the first of a run, or another reason), worth a log line
     */
    boolean failed(Path file, String reason) {
        Retry previous = pending.get(file);
        Duration wait = previous == null ? FIRST : min(previous.backoff.multipliedBy(2), LONGEST);
        pending.put(file, new Retry(wait, System.nanoTime() + wait.toNanos(), reason));
        return previous == null || !previous.reason.equals(reason);
    }

    /** The wait before the file's next try, after a failure. */
    Duration waitFor(Path file) {
        Retry retry = pending.get(file);
        return retry == null ? Duration.ZERO : retry.backoff;
    }

    /** @return whether the file had failed before */
    boolean succeeded(Path file) {
        return pending.remove(file) != null;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record Retry(Duration backoff, long dueAt, String reason) {
    }
}

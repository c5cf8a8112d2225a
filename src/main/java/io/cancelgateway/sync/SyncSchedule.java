package io.cancelgateway.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a followed result is checked next: the first delay after the cancel, then twice as long after every check up
 * to the longest interval. The last check falls on the deadline itself; after it nothing is checked.
 */
public final class SyncSchedule {

    private final Duration firstDelay;
    private final Duration maxInterval;

    public SyncSchedule(Duration firstDelay, Duration maxInterval) {
        this.firstDelay = firstDelay;
        this.maxInterval = maxInterval;
    }

    static SyncSchedule of(SyncConfig config) {
        return new SyncSchedule(config.firstDelay(), config.maxInterval());
    }

    /** The first check of a result followed from {@code now}. */
    public Instant firstCheck(Instant now, Instant deadline) {
        return earlier(now.plus(firstDelay), deadline);
    }

    /**
     * The check after {@code checksDone} checks, the last one made at {@code now}; empty when the deadline has come.
     */
    public Optional<Instant> nextCheck(int checksDone, Instant now, Instant deadline) {
        if (!now.isBefore(deadline)) {
            return Optional.empty();
        }
        return Optional.of(earlier(now.plus(interval(checksDone)), deadline));
    }

    /** The wait after the n-th check: the first delay doubled n times, at most the longest interval. */
    Duration interval(int checksDone) {
        Duration wait = firstDelay;
        for (int i = 0; i < checksDone && wait.compareTo(maxInterval) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxInterval) > 0 ? maxInterval : wait;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

package io.cancelgateway.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The status checks the sync polls started and that have not ended, and the updates of those that ended, for the next
 * poll to announce. A poll starts its checks without waiting for them, so a provider slow to answer holds up its own
 * checks only: the next polls go on leasing and checking the others, up to {@code cancel.sync.concurrency} running.
 */
@ApplicationScoped
public class RunningChecks {

    private final AtomicInteger running = new AtomicInteger();
    private final Queue<SyncUpdate> ended = new ConcurrentLinkedQueue<>();

    /** How many more checks may start now. */
    int free(int concurrency) {
        return Math.max(0, concurrency - running.get());
    }

    void started(int checks) {
        running.addAndGet(checks);
    }

    /** A check ended with this body: its update when it found one, anything else when it failed. */
    void ended(Object body) {
        if (body instanceof SyncUpdate update) {
            ended.add(update);
        }
        running.decrementAndGet();
    }

    /** The updates of the checks that ended since the last call. */
    List<SyncUpdate> takeEnded() {
        List<SyncUpdate> taken = new ArrayList<>();
        for (SyncUpdate update = ended.poll(); update != null; update = ended.poll()) {
            taken.add(update);
        }
        return taken;
    }
}

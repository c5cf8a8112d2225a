package io.cancelgateway.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cancelgateway.journal.CheckPlaces;
import io.cancelgateway.provider.Provider;

/**
 * The status checks the sync polls started and that have not ended, by provider, and the updates of those that ended,
 * for the next poll to announce. A poll starts its checks without waiting for them, up to {@code cancel.sync.concurrency}
 * running, and a place stays free for each provider with no check running: a provider slow to answer holds up its own
 * checks only, however many of its results are due, while the next polls go on checking the others.
 */
@ApplicationScoped
public class RunningChecks implements CheckPlaces {

    private static final int PROVIDERS = Provider.values().length;

    private final int concurrency;
    private final Map<String, Integer> byProvider = new HashMap<>();
    private int running;
    private final Queue<SyncUpdate> ended = new ConcurrentLinkedQueue<>();

    @Inject
    public RunningChecks(SyncConfig config) {
        this(config.concurrency());
    }

    RunningChecks(int concurrency) {
        this.concurrency = concurrency;
    }

    /** How many more checks may start now, all providers together. */
    synchronized int free() {
        return Math.max(0, concurrency - running);
    }

    /**
     * Full when every place is taken, or when the places left are those kept for the other providers with no check
     * running (one each, at most all places but one, so some provider may always start).
     */
    @Override
    public synchronized boolean full(String provider) {
        int free = concurrency - running;
        String own = key(provider);
        long othersRunning = byProvider.keySet().stream().filter(other -> !other.equals(own)).count();
        long othersIdle = Math.max(0, PROVIDERS - 1 - othersRunning);
        return free <= 0 || free - 1 < Math.min(othersIdle, concurrency - 1);
    }

    @Override
    public synchronized void taken(String provider) {
        running++;
        byProvider.merge(key(provider), 1, Integer::sum);
    }

    /** A check at this provider ended with this body: its update when it found one, anything else when it failed. */
    void ended(String provider, Object body) {
        if (body instanceof SyncUpdate update) {
            ended.add(update);
        }
        synchronized (this) {
            running--;
            byProvider.computeIfPresent(key(provider), (ignored, count) -> count == 1 ? null : count - 1);
        }
    }

    /** The updates of the checks that ended since the last call. */
    List<SyncUpdate> takeEnded() {
        List<SyncUpdate> taken = new ArrayList<>();
        for (SyncUpdate update = ended.poll(); update != null; update = ended.poll()) {
            taken.add(update);
        }
        return taken;
    }

    /** A result without a provider counts as one provider more. */
    private static String key(String provider) {
        return provider == null ? "" : provider;
    }
}

package io.cancelgateway.sync;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.cancelgateway.call.ConfiguredProviders;
import io.cancelgateway.journal.CheckPlaces;
import io.cancelgateway.provider.Provider;

/**
 * The status checks the sync polls started and that have not ended, by provider, and the updates of those that ended,
 * for the next poll to announce. A poll starts its checks without waiting for them, up to
 * {@code cancel.sync.concurrency} running, and keeps a place free for each other followed provider with no check
 * running: a provider slow to answer holds up its own checks only, however many of its results are due, while the next
 * polls go on checking the others.
 */
@ApplicationScoped
public class RunningChecks implements CheckPlaces {

    private static final Logger LOG = Logger.getLogger(RunningChecks.class);

    private final int concurrency;
    /** The providers with a status API, the only ones whose results are followed. */
    private final List<String> followed;
    private final Map<String, Integer> byProvider = new HashMap<>();
    private int running;
    private int polls;
    private final Queue<SyncUpdate> ended = new ConcurrentLinkedQueue<>();

    @Inject
    public RunningChecks(SyncConfig config, ConfiguredProviders providers) {
        this(config.concurrency(), Arrays.stream(Provider.values())
                .filter(provider -> providers.api(provider).statusApi().isPresent())
                .map(Provider::id)
                .toList());
    }

    RunningChecks(int concurrency, List<String> followed) {
        this.concurrency = concurrency;
        this.followed = followed;
    }

    /** How many more checks may start now, all providers together. */
    synchronized int free() {
        return Math.max(0, concurrency - running);
    }

    /** Each poll starts with the next provider, so none is always served last. */
    @Override
    public synchronized List<String> leaseOrder() {
        int first = polls;
        polls = (polls + 1) % followed.size();
        List<String> order = new ArrayList<>(followed.subList(first, followed.size()));
        order.addAll(followed.subList(0, first));
        return order;
    }

    /**
     * A provider with no check running may start one while any place is free; one with checks running may start
     * another only if a place is still left after it for each other followed provider with none running.
     */
    @Override
    public synchronized boolean full(String provider) {
        int free = concurrency - running;
        if (free <= 0) {
            return true;
        }
        if (!byProvider.containsKey(provider)) {
            return false;
        }
        long othersIdle = followed.stream()
                .filter(other -> !other.equals(provider) && !byProvider.containsKey(other))
                .count();
        return free - 1 < othersIdle;
    }

    @Override
    public synchronized void taken(String provider) {
        running++;
        byProvider.merge(provider, 1, Integer::sum);
    }

    /** A check at this provider ended with this body: its update when it found one, anything else when it failed. */
    void ended(String provider, Object body) {
        if (body instanceof SyncUpdate update) {
            ended.add(update);
        }
        synchronized (this) {
            Integer count = byProvider.get(provider);
            if (count == null) {
                LOG.warnf("a status check ended at %s, which had none counted as running", provider);
                return;
            }
            if (count == 1) {
                byProvider.remove(provider);
            } else {
                byProvider.put(provider, count - 1);
            }
            running--;
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
}

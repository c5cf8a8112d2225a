package io.cancelgateway.client;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Failed authentications: counted ({@code cancel_auth_failures_total{channel}}), logged at most once per caller address
 * and window, never with what was presented, and a caller address with {@code cancel.auth-failures.limit} failures
 * within {@code cancel.auth-failures.window} is refused for {@code cancel.auth-failures.block-for}, whatever it
 * presents then, so that keys cannot be guessed at speed.
 */
@Singleton
public class AuthFailures {

    private static final Logger LOG = Logger.getLogger("io.cancelgateway.auth");
    /**
     * Addresses remembered at most. When a new one finds them all taken, those whose window is over are forgotten,
     * then those not refused with the fewest failures, down to {@link #ROOM_MADE}: a caller filling the table with
     * addresses can neither keep its other addresses from being counted nor wipe the count of one close to the limit,
     * and the table is swept once per thousand new addresses, not at every failure.
     */
    static final int MAX_ADDRESSES = 10_000;
    private static final int ROOM_MADE = MAX_ADDRESSES - MAX_ADDRESSES / 10;
    /**
     * When a sweep freed too little (the table mostly refused addresses), the next waits this long, new addresses going
     * uncounted meanwhile, rather than every new address paying for a whole pass.
     */
    private static final long SWEEP_PAUSE_NANOS = Duration.ofSeconds(1).toNanos();

    private final MeterRegistry metrics;
    private final AuthFailuresConfig config;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private long nextSweepAt = System.nanoTime();

    public AuthFailures(MeterRegistry metrics, AuthFailuresConfig config) {
        this.metrics = metrics;
        this.config = config;
    }

    /** How long the address is still refused for; zero when it is not. */
    public Duration refusedFor(String address) {
        Window window = windows.get(address);
        return window == null ? Duration.ZERO : window.blockedFor(System.nanoTime());
    }

    /** Records a failed authentication from the address on the channel. */
    public void failed(String channel, String address) {
        metrics.counter("cancel.auth.failures", "channel", channel).increment();
        long now = System.nanoTime();
        Window window = windows.get(address);
        if (window == null) {
            if (windows.size() >= MAX_ADDRESSES) {
                makeRoom(now);
            }
            if (windows.size() >= MAX_ADDRESSES) {
                return; // every address remembered is refused: counted, but not tracked, so memory stays bounded
            }
            window = windows.computeIfAbsent(address, ignored -> new Window());
        }
        Window.Failure failure = window.failed(now, config);
        if (failure.first()) {
            LOG.warnf("authentication failed on %s from %s (the presented credentials are not logged)", channel,
                    address);
        }
        if (failure.blocked()) {
            LOG.warnf("%s refused on the REST channel for %d s: %d failed authentications within %d s", address,
                    config.blockFor().toSeconds(), config.limit(), config.window().toSeconds());
        }
    }

    private synchronized void makeRoom(long now) {
        if (windows.size() < MAX_ADDRESSES || now - nextSweepAt < 0) {
            return; // another thread made room, or a sweep a moment ago could not
        }
        windows.values().removeIf(window -> window.over(now, config));
        if (windows.size() > ROOM_MADE) {
            List<Map.Entry<String, Window>> forgettable = windows.entrySet().stream()
                    .filter(entry -> entry.getValue().blockedFor(now).isZero())
                    .sorted(Comparator.comparingInt(entry -> entry.getValue().failures()))
                    .toList();
            for (Map.Entry<String, Window> entry : forgettable) {
                if (windows.size() <= ROOM_MADE) {
                    break;
                }
                windows.remove(entry.getKey(), entry.getValue());
            }
        }
        nextSweepAt = windows.size() > ROOM_MADE ? now + SWEEP_PAUSE_NANOS : now;
    }

    /** The failures of one address in its current window, and until when it is refused. */
    private static final class Window {

        private long startedAt;
        private int failures;
        private long blockedUntil;
        private boolean started;

        synchronized Failure failed(long now, AuthFailuresConfig config) {
            // A refusal over starts a new window: with block-for shorter than the window, the count past the limit
            // would otherwise refuse nothing more until the window ended.
            boolean first = !started || now - startedAt > config.window().toNanos()
                    || failures >= config.limit() && blockedUntil - now <= 0;
            if (first) {
                started = true;
                startedAt = now;
                failures = 0;
            }
            failures++;
            boolean blocked = failures == config.limit();
            if (blocked) {
                blockedUntil = now + config.blockFor().toNanos();
            }
            return new Failure(first, blocked);
        }

        synchronized int failures() {
            return failures;
        }

        synchronized Duration blockedFor(long now) {
            return blockedUntil - now > 0 ? Duration.ofNanos(blockedUntil - now) : Duration.ZERO;
        }

        synchronized boolean over(long now, AuthFailuresConfig config) {
            return blockedUntil - now <= 0 && now - startedAt > config.window().toNanos();
        }

        record Failure(boolean first, boolean blocked) {
        }
    }
}

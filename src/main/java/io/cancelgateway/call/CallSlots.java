package io.cancelgateway.call;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A provider's bulkhead: a fixed number of slots, one per call in flight, given in the order asked for. A caller that
 * finds none free waits without holding a thread: it is told when one frees up (on the thread that frees it), or that
 * none did within its wait (on the provider's timer thread).
 */
final class CallSlots {

    private final ScheduledExecutorService timer;
    private final Deque<Waiter> waiting = new ArrayDeque<>();
    private int free;

    CallSlots(int slots, ScheduledExecutorService timer) {
        this.free = slots;
        this.timer = timer;
    }

    /** How {@link #take} went. */
    enum Taking {
        /** A slot was free and is taken. */
        TAKEN,
        /** None was free and none may be waited for. */
        REFUSED,
        /** The caller waits: {@code granted} or {@code refused} runs later, on another thread. */
        WAITING,
        /** None was free and none may be waited for: the timer that would end the wait has stopped with the service. */
        STOPPED
    }

    /**
     * Takes a slot: at once if one is free, else the first to free up within {@code waitNanos}. A slot taken, now or
     * later, must be {@link #release() released}. Only when it answers WAITING does one of the callbacks run.
     *
     * @param granted runs once a slot freed up for this caller
     * @param refused runs when none did in time
     */
    Taking take(long waitNanos, Runnable granted, Runnable refused) {
        synchronized (this) {
            if (free > 0 && waiting.isEmpty()) {
                free--;
                return Taking.TAKEN;
            }
            if (waitNanos <= 0) {
                return Taking.REFUSED;
            }
            Waiter waiter = new Waiter(granted, refused);
            try {
                waiter.expiry = timer.schedule(() -> expire(waiter), waitNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                return Taking.STOPPED;
            }
            // Added after scheduling: the expiry cannot run before this block leaves the lock.
            waiting.add(waiter);
            return Taking.WAITING;
        }
    }

    /**
     * Takes a slot as {@link #take} does, waiting on this thread: TAKEN, REFUSED (also after a wait) or STOPPED. A
     * caller interrupted while it waits gives up its place: a slot handed to it then, or later, is released at once.
     */
    Taking takeWaiting(long waitNanos) throws InterruptedException {
        CompletableFuture<Taking> taken = new CompletableFuture<>();
        Taking taking = take(waitNanos, () -> {
            if (!taken.complete(Taking.TAKEN)) {
                release();
            }
        }, () -> taken.complete(Taking.REFUSED));
        if (taking != Taking.WAITING) {
            return taking;
        }
        try {
            return taken.get();
        } catch (InterruptedException gaveUp) {
            if (!taken.complete(Taking.REFUSED) && taken.getNow(null) == Taking.TAKEN) {
                release();
            }
            throw gaveUp;
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Frees a slot, or hands it to the first caller still waiting. */
    void release() {
        Waiter next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                free++;
                return;
            }
            next.expiry.cancel(false);
        }
        next.granted.run();
    }

    private void expire(Waiter waiter) {
        synchronized (this) {
            if (!waiting.remove(waiter)) {
                return; // granted meanwhile
            }
        }
        waiter.refused.run();
    }

    private static final class Waiter {
        final Runnable granted;
        final Runnable refused;
        ScheduledFuture<?> expiry;

        Waiter(Runnable granted, Runnable refused) {
            this.granted = granted;
            this.refused = refused;
        }
    }
}

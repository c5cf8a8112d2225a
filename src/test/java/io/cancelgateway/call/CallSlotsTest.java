package io.cancelgateway.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cancelgateway.call.CallSlots.Taking;

class CallSlotsTest {

    private static final long LONG = TimeUnit.SECONDS.toNanos(30);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<String> told = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void givesFreeSlotsAtOnceAndRefusesWithoutWaitWhenNoneIsFree() {
        CallSlots slots = new CallSlots(2, timer);

        assertThat(slots.take(LONG, grant("a"), refuse("a"))).isEqualTo(Taking.TAKEN);
        assertThat(slots.take(LONG, grant("b"), refuse("b"))).isEqualTo(Taking.TAKEN);
        assertThat(slots.take(0, grant("c"), refuse("c"))).isEqualTo(Taking.REFUSED);
        assertThat(told).isEmpty();
    }

    @Test
    void handsAFreedSlotToTheFirstWaiterInTurn() {
        CallSlots slots = new CallSlots(1, timer);
        slots.take(LONG, grant("a"), refuse("a"));

        assertThat(slots.take(LONG, grant("b"), refuse("b"))).isEqualTo(Taking.WAITING);
        assertThat(slots.take(LONG, grant("c"), refuse("c"))).isEqualTo(Taking.WAITING);
        slots.release();
        slots.release();

        assertThat(told).containsExactly("granted b", "granted c");
        // c holds the one slot: a newcomer finds none.
        assertThat(slots.take(0, grant("d"), refuse("d"))).isEqualTo(Taking.REFUSED);
        slots.release();
        assertThat(slots.take(0, grant("e"), refuse("e"))).isEqualTo(Taking.TAKEN);
    }

    @Test
    void refusesAWaiterWhoseWaitEndsFromTheTimerAndKeepsItsSlotForTheNext() throws Exception {
        CallSlots slots = new CallSlots(1, timer);
        slots.take(LONG, grant("a"), refuse("a"));
        slots.take(TimeUnit.MILLISECONDS.toNanos(50), grant("b"), refuse("b"));

        await().atMost(Duration.ofSeconds(5)).until(() -> !told.isEmpty());
        assertThat(told).containsExactly("refused b");
        slots.release();
        assertThat(slots.take(0, grant("c"), refuse("c"))).isEqualTo(Taking.TAKEN);
        assertThat(told).containsExactly("refused b");
    }

    @Test
    void waitsOnTheCallersThreadWhenAskedTo() throws Exception {
        CallSlots slots = new CallSlots(1, timer);
        slots.take(LONG, grant("a"), refuse("a"));
        timer.schedule(slots::release, 100, TimeUnit.MILLISECONDS);

        assertThat(slots.takeWaiting(LONG)).isEqualTo(Taking.TAKEN);
        assertThat(slots.takeWaiting(TimeUnit.MILLISECONDS.toNanos(50))).isEqualTo(Taking.REFUSED);
    }

    @Test
    void refusesAWaiterOnceTheTimerIsStoppedAndLeavesNoOneInTheQueue() throws InterruptedException {
        CallSlots slots = new CallSlots(1, timer);
        slots.take(LONG, grant("a"), refuse("a"));
        timer.shutdown();

        assertThat(slots.take(LONG, grant("b"), refuse("b"))).isEqualTo(Taking.STOPPED);
        assertThat(slots.takeWaiting(LONG)).isEqualTo(Taking.STOPPED);
        // b never waited: the slot a frees is free again, not handed to a waiter no timer could refuse.
        slots.release();
        assertThat(slots.take(0, grant("c"), refuse("c"))).isEqualTo(Taking.TAKEN);
        assertThat(told).isEmpty();
    }

    @Test
    void aCallerInterruptedWhileItWaitsLeavesNoSlotBehind() throws Exception {
        CallSlots slots = new CallSlots(1, timer);
        slots.take(LONG, grant("a"), refuse("a"));
        CompletableFuture<Object> waited = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                waited.complete(slots.takeWaiting(LONG));
            } catch (InterruptedException interrupted) {
                waited.complete(interrupted);
            }
        });
        waiter.start();
        // Interrupted while it waits in the queue (nothing frees a slot before the interrupt).
        awaitWaiting(waiter);
        waiter.interrupt();
        assertThat(waited.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);

        // a's slot would go to the waiter that gave up; it comes back instead.
        slots.release();
        assertThat(slots.take(0, grant("b"), refuse("b"))).isEqualTo(Taking.TAKEN);
        assertThat(told).isEmpty();
    }

    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.WAITING && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(thread.getState()).isEqualTo(Thread.State.WAITING);
    }

    private Runnable grant(String who) {
        return () -> told.add("granted " + who);
    }

    private Runnable refuse(String who) {
        return () -> told.add("refused " + who);
    }
}

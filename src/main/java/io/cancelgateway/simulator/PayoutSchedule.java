package io.cancelgateway.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fulfillment cancels the simulated Juspay has scheduled, by the merchant and routing id (the customer) they were
 * scheduled under. Juspay shows a fulfillment's outcome only in the payout order that holds it, and a cancel call does
 * not name that order; the simulator's model is that a customer's orders hold that customer's fulfillments, so an
 * order read with a merchant and routing id lists the fulfillments scheduled under them. This follows Juspay's rule
 * that a customer's calls all carry the same routing id, and a status call made with another one finds nothing.
 * It keeps the {@value #PER_CUSTOMER} most recent per customer and at most a given number in all, forgetting the
 * customers least recently used first, so that a long run does not grow the heap. Safe for concurrent use.
 */
final class PayoutSchedule {

    /** The most fulfillments one order answer lists. */
    static final int PER_CUSTOMER = 100;

    private final int capacity;
    private final int perCustomer;
    private final Map<Customer, Map<String, Instant>> customers = new LinkedHashMap<>(16, 0.75f, true);
    private int size;

    /** One scheduled cancel: the fulfillment and when its first cancel call came. */
    record ScheduledCancel(String fulfillmentId, Instant at) {
    }

    private record Customer(String merchantId, String routingId) {
    }

    PayoutSchedule(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the payout schedule must hold at least 1 fulfillment, not " + capacity);
        }
        this.capacity = capacity;
        this.perCustomer = Math.min(PER_CUSTOMER, capacity);
    }

    /** Keeps the time of the fulfillment's first scheduled cancel; a repeat changes nothing. */
    synchronized void schedule(String merchantId, String routingId, String fulfillmentId, Instant at) {
        Map<String, Instant> fulfillments = customers.computeIfAbsent(new Customer(merchantId, routingId),
                customer -> new LinkedHashMap<>());
        if (fulfillments.putIfAbsent(fulfillmentId, at) != null) {
            return;
        }
        size++;
        if (fulfillments.size() > perCustomer) {
            Iterator<String> oldest = fulfillments.keySet().iterator();
            oldest.next();
            oldest.remove();
            size--;
        }
        forgetBeyondCapacity();
    }

    /** The customer's scheduled cancels, oldest first; none for a customer never seen or forgotten. */
    synchronized List<ScheduledCancel> of(String merchantId, String routingId) {
        Map<String, Instant> fulfillments = customers.get(new Customer(merchantId, routingId));
        List<ScheduledCancel> scheduled = new ArrayList<>();
        if (fulfillments != null) {
            fulfillments.forEach((id, at) -> scheduled.add(new ScheduledCancel(id, at)));
        }
        return scheduled;
    }

    private void forgetBeyondCapacity() {
        Iterator<Map<String, Instant>> leastRecentlyUsed = customers.values().iterator();
        while (size > capacity && leastRecentlyUsed.hasNext()) {
            size -= leastRecentlyUsed.next().size();
            leastRecentlyUsed.remove();
        }
    }
}

package io.cancelgateway.jms;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts the JMS channel's traffic: requests received, results sent, originals of invalid requests, rollbacks. */
@ApplicationScoped
public class JmsChannelMetrics {

    private final Counter received;
    private final Counter results;
    private final Counter invalid;
    private final Counter rolledBack;

    public JmsChannelMetrics(MeterRegistry registry) {
        this.received = Counter.builder("cancel.jms.received")
                .description("Request messages received, redeliveries included").register(registry);
        this.results = Counter.builder("cancel.jms.results")
                .description("Result messages sent").register(registry);
        this.invalid = Counter.builder("cancel.jms.invalid")
                .description("Originals of unreadable or invalid requests copied to the invalid queue")
                .register(registry);
        this.rolledBack = Counter.builder("cancel.jms.rolled.back")
                .description("Deliveries rolled back for the broker to redeliver").register(registry);
    }

    void received() {
        received.increment();
    }

    void answered(boolean wasInvalid) {
        results.increment();
        if (wasInvalid) {
            invalid.increment();
        }
    }

    void rolledBack() {
        rolledBack.increment();
    }
}

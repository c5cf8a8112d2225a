package io.cancelgateway.jms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Counts a request answered: its result sent, and for an invalid one its original copied. */
@ApplicationScoped
@Named("countJmsAnswer")
public class CountJmsAnswer implements Processor {

    private final JmsChannelMetrics metrics;

    public CountJmsAnswer(JmsChannelMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        metrics.answered(exchange.getProperty(JmsExchange.INVALID_REASON) != null);
    }
}

package io.cancelgateway.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** The body of a poll's announcements: the updates of the checks that ended since the last poll. */
@ApplicationScoped
@Named("takeEndedChecks")
public class TakeEndedChecks implements Processor {

    private final RunningChecks running;

    public TakeEndedChecks(RunningChecks running) {
        this.running = running;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().setBody(running.takeEnded());
    }
}

package io.cancelgateway.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

import io.cancelgateway.journal.DueCheck;

/** Counts a check a poll started as running until its exchange is done, then keeps its update for the next poll. */
@ApplicationScoped
@Named("trackStatusCheck")
public class TrackStatusCheck implements Processor {

    private final RunningChecks running;

    public TrackStatusCheck(RunningChecks running) {
        this.running = running;
    }

    @Override
    public void process(Exchange exchange) {
        String provider = exchange.getMessage().getBody(DueCheck.class).provider();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                running.ended(provider, done.getMessage().getBody());
            }
        });
    }
}

package io.cancelgateway.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.journal.CancelJournal;

/**
 * Leases the followed results that are due, as many as may start with {@code cancel.sync.concurrency} checks running
 * and a place kept for every other provider with a status API and none running ({@link RunningChecks}): the checks a
 * poll starts.
 */
@ApplicationScoped
@Named("leaseDueChecks")
public class LeaseDueChecks implements Processor {

    private final CancelJournal journal;
    private final SyncConfig config;
    private final RunningChecks running;

    public LeaseDueChecks(CancelJournal journal, SyncConfig config, RunningChecks running) {
        this.journal = journal;
        this.config = config;
        this.running = running;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().setBody(journal.leaseDue(running.free(), config.lease(), running));
    }
}

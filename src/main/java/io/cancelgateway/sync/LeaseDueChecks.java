package io.cancelgateway.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.journal.CancelJournal;

/** Leases the followed results that are due, at most {@code cancel.sync.concurrency}: the body of one sync run. */
@ApplicationScoped
@Named("leaseDueChecks")
public class LeaseDueChecks implements Processor {

    private final CancelJournal journal;
    private final SyncConfig config;

    public LeaseDueChecks(CancelJournal journal, SyncConfig config) {
        this.journal = journal;
        this.config = config;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().setBody(journal.leaseDue(config.concurrency(), config.lease()));
    }
}

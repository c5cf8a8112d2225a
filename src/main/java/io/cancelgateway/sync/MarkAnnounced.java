package io.cancelgateway.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.journal.CancelJournal;
import io.cancelgateway.journal.DueCheck;

/** Marks a changed result as told to its caller, once its update message is sent: it is not due any more. */
@ApplicationScoped
@Named("markAnnounced")
public class MarkAnnounced implements Processor {

    private final CancelJournal journal;

    public MarkAnnounced(CancelJournal journal) {
        this.journal = journal;
    }

    @Override
    public void process(Exchange exchange) {
        journal.announced(exchange.getProperty(PrepareStatusCheck.CHECK, DueCheck.class));
    }
}

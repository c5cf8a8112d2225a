package io.cancelgateway.journal;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.jboss.logging.Logger;

/** Deletes what is older than the retention period, with its attempts. */
@ApplicationScoped
@Named("purgeJournal")
public class PurgeJournal implements Processor {

    private static final Logger LOG = Logger.getLogger(PurgeJournal.class);

    private final CancelJournal journal;
    private final JournalConfig config;

    public PurgeJournal(CancelJournal journal, JournalConfig config) {
        this.journal = journal;
        this.config = config;
    }

    @Override
    public void process(Exchange exchange) {
        Instant cutoff = Instant.now().minus(config.retention());
        int purged = journal.purgeReceivedBefore(cutoff);
        LOG.infof("journal retention: purged %d requests received before %s", purged, cutoff);
    }
}

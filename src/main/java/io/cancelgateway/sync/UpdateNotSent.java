package io.cancelgateway.sync;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.jboss.logging.Logger;

import io.cancelgateway.flow.LogValue;
import io.cancelgateway.journal.CancelJournal;
import io.cancelgateway.journal.DueCheck;

/**
 * An update message that could not be sent: it stays due, and is sent again once its lease runs out, while the other
 * updates of the run go on. One that still cannot be sent when its result's following would have ended (its
 * destination refuses it for good) is given up, with an ERROR line, rather than tried for ever.
 */
@ApplicationScoped
@Named("updateNotSent")
public class UpdateNotSent implements Processor {

    private static final Logger LOG = Logger.getLogger("io.cancelgateway.sync");

    private final CancelJournal journal;

    public UpdateNotSent(CancelJournal journal) {
        this.journal = journal;
    }

    @Override
    public void process(Exchange exchange) {
        DueCheck check = exchange.getProperty(PrepareStatusCheck.CHECK, DueCheck.class);
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String why = failure == null ? "unknown" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (check.followUntil() != null && Instant.now().isAfter(check.followUntil())) {
            journal.announced(check);
            LOG.errorf("request_id=%s client=%s: its update message could not be sent until its following ended; "
                    + "given up (the result is in the journal): %s", LogValue.of(check.requestId()), check.client(),
                    LogValue.quoted(why));
            return;
        }
        LOG.warnf("request_id=%s client=%s: update message not sent, sent again later: %s",
                LogValue.of(check.requestId()), check.client(), LogValue.quoted(why));
    }
}

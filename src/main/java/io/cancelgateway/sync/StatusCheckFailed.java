package io.cancelgateway.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.jboss.logging.Logger;

import io.cancelgateway.flow.LogValue;
import io.cancelgateway.journal.DueCheck;

/**
 * Logs a status check or update that failed unexpectedly (the journal or the broker down). Nothing else is done: the
 * result stays leased until its lease runs out, then it is due again, so the failure is retried without a busy loop.
 */
@ApplicationScoped
@Named("statusCheckFailed")
public class StatusCheckFailed implements Processor {

    private static final Logger LOG = Logger.getLogger("io.cancelgateway.sync");

    @Override
    public void process(Exchange exchange) {
        DueCheck check = exchange.getProperty(PrepareStatusCheck.CHECK, DueCheck.class);
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.warnf("request_id=%s status sync failed, due again when its lease runs out: %s",
                check == null ? "-" : LogValue.of(check.requestId()),
                failure == null ? "unknown" : LogValue.quoted(failure.getClass().getSimpleName() + ": "
                        + failure.getMessage()));
        exchange.getMessage().setBody(null);
    }
}

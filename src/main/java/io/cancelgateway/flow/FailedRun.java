package io.cancelgateway.flow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.jboss.logging.Logger;

import io.cancelgateway.journal.JournalUnavailable;
import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Outcome;

/**
 * Ends a claimed run that failed in the gateway itself (a defect, a value no step could handle) as a retryable ERROR,
 * so that the request is completed and journaled like any other instead of staying in progress. A journal that cannot
 * be written is the one failure passed on: nothing could record the ERROR either, and the channel says so.
 */
@ApplicationScoped
@Named("failedRun")
public class FailedRun implements Processor {

    private static final Logger LOG = Logger.getLogger(FailedRun.class);

    @Override
    public void process(Exchange exchange) throws Exception {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure instanceof JournalUnavailable unavailable) {
            throw unavailable;
        }
        CancelRequest request = exchange.getProperty(CancelExchange.REQUEST, CancelRequest.class);
        LOG.errorf(failure, "request_id=%s failed in the gateway; answered ERROR", LogValue.of(request.requestId()));
        exchange.setProperty(CancelExchange.RESULT, CancelResult.withoutCall(request, Outcome.ERROR,
                "the request could not be processed (" + failure.getClass().getSimpleName() + "); the service log has "
                        + "the details"));
        exchange.setProperty(CancelExchange.REPLAYED, false);
    }
}

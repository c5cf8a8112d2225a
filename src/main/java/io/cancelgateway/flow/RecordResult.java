package io.cancelgateway.flow;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.jboss.logging.Logger;

import io.cancelgateway.call.CancelCall;
import io.cancelgateway.journal.CancelJournal;
import io.cancelgateway.journal.FollowUp;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.provider.AttemptRecord;
import io.cancelgateway.sync.PlanSync;

/**
 * Stores the result of a run this service owned, with the HTTP calls it made, so that repeats of the request are
 * answered from it; a followed result with when and where it is followed.
 */
@ApplicationScoped
@Named("recordResult")
public class RecordResult implements Processor {

    private static final Logger LOG = Logger.getLogger(RecordResult.class);

    private final CancelJournal journal;

    public RecordResult(CancelJournal journal) {
        this.journal = journal;
    }

    /**
     * Whether this run may have reached the provider without learning what it did, or a run before it may have: its
     * call says so when it was made (whatever ended it), else the claim does.
     */
    private static boolean lostAnswer(Exchange exchange) {
        CancelCall call = exchange.getProperty(CancelCall.PROPERTY, CancelCall.class);
        return call != null ? call.outcomeUnknown()
                : exchange.getProperty(CancelExchange.AFTER_LOST_ANSWER, false, Boolean.class);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String token = exchange.getProperty(CancelExchange.CLAIM, String.class);
        if (token == null) {
            return;
        }
        CancelResult result = exchange.getMessage().getMandatoryBody(CancelResult.class);
        @SuppressWarnings("unchecked")
        List<AttemptRecord> attempts = exchange.getProperty(CancelExchange.ATTEMPTS, List.of(), List.class);
        FollowUp followUp = exchange.getProperty(PlanSync.FOLLOW_UP, FollowUp.class);
        if (!journal.complete(RequestClient.of(exchange).name(), result.requestId(), token, result, attempts,
                followUp, lostAnswer(exchange))) {
            LOG.warnf("request_id=%s was taken over by another run before this one finished; its result stands",
                    LogValue.of(result.requestId()));
            exchange.setProperty(CancelExchange.TAKEN_OVER, true);
        }
    }
}

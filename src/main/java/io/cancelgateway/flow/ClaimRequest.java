package io.cancelgateway.flow;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.journal.CancelJournal;
import io.cancelgateway.journal.Claim;
import io.cancelgateway.journal.IdempotencyConfig;
import io.cancelgateway.journal.RequestInProgress;
import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.Channel;

/**
 * Records the request in the journal before anything is called, and makes a repeat of a request answer from its stored
 * result: a final result is replayed; a run in progress is waited for; ERROR and AUTH_FAILED are attempted again.
 */
@ApplicationScoped
@Named("claimRequest")
public class ClaimRequest implements Processor {

    private static final Duration FIRST_POLL = Duration.ofMillis(20);
    private static final Duration MAX_POLL = Duration.ofMillis(250);

    private final CancelJournal journal;
    private final IdempotencyConfig config;

    public ClaimRequest(CancelJournal journal, IdempotencyConfig config) {
        this.journal = journal;
        this.config = config;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        CancelRequest request = exchange.getMessage().getMandatoryBody(CancelRequest.class);
        if (!CancelRequestValidator.usableRequestId(request.requestId())) {
            return; // answered INVALID, but an id that is not one cannot key the journal
        }
        Channel channel = Channel.byId(exchange.getProperty(CancelExchange.CHANNEL, String.class));
        long deadline = System.nanoTime() + config.waitTimeout().toNanos();
        Duration poll = FIRST_POLL;
        boolean reattempt = true;
        while (true) {
            Claim claim = journal.claim(request, channel, reattempt, config.staleAfter());
            if (claim instanceof Claim.Owned owned) {
                exchange.setProperty(CancelExchange.CLAIM, owned.token());
                return;
            }
            if (claim instanceof Claim.Finished finished) {
                exchange.setProperty(CancelExchange.RESULT, finished.result());
                exchange.setProperty(CancelExchange.REPLAYED, true);
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new RequestInProgress(request.requestId());
            }
            Thread.sleep(poll.toMillis());
            poll = poll.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : poll.multipliedBy(2);
            // Whatever the run we waited for ends with is this duplicate's answer.
            reattempt = false;
        }
    }
}

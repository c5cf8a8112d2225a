package io.cancelgateway.call;

import java.util.concurrent.RejectedExecutionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.jboss.logging.Logger;

import io.cancelgateway.flow.CancelExchange;
import io.cancelgateway.flow.LogValue;
import io.cancelgateway.model.CancelRequest;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Outcome;

/**
 * Answers an attempt that was not made or failed unexpectedly, with a retryable ERROR naming the cause: a call the
 * gateway refused ({@link CallRefused}: deadline, open circuit, busy, stopping), one that found the provider's threads
 * all taken and their queue full, or a defect. The request is completed and journaled like any other instead of being
 * left in progress; a defect's stack trace goes to the log only.
 */
@ApplicationScoped
@Named("failedCall")
public class FailedCall implements Processor {

    private final ConfiguredProviders providers;

    public FailedCall(ConfiguredProviders providers) {
        this.providers = providers;
    }

    private static final Logger LOG = Logger.getLogger(FailedCall.class);

    @Override
    public void process(Exchange exchange) throws Exception {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String provider = exchange.getProperty(CancelExchange.PROVIDER, String.class);
        CancelCall call = exchange.getProperty(CancelCall.PROPERTY, CancelCall.class);
        // Before the call is prepared the message is still the request; after, the call holds it.
        CancelRequest request = call != null ? call.request() : exchange.getMessage().getMandatoryBody(CancelRequest.class);
        if (call != null) {
            call.leave(null);
            // An attempt before the refusal may have reached the provider: then the ERROR is followed.
            exchange.setProperty(CancelExchange.FOLLOWABLE, call.followable(providers.api(call.provider()),
                    Outcome.ERROR));
        }
        String reason;
        if (failure instanceof CallRefused refused) {
            reason = refused.getMessage();
            exchange.setProperty(CancelExchange.TIMED_OUT, refused.timedOut());
        } else if (failure instanceof RejectedExecutionException) {
            reason = provider + " is busy: more calls are waiting for it than its queue holds";
        } else {
            reason = "the call to " + provider + " could not be made (" + failure.getClass().getSimpleName() + ")";
            LOG.errorf(failure, "request_id=%s provider=%s call failed unexpectedly", LogValue.of(request.requestId()),
                    provider);
        }
        int attempts = call != null ? call.attempts().size() : 0;
        exchange.setProperty(CancelExchange.RESULT, new CancelResult(request.requestId(), provider,
                request.merchantId(), request.reference(), Outcome.ERROR, true, null, null, null, null, null, null,
                attempts, 0, null, attempts == 0 ? reason : reason + " (after " + (attempts == 1 ? "1 attempt" : attempts + " attempts") + ")",
                false, null, null, null, 0));
    }
}

package io.cancelgateway.flow;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.jboss.logging.Logger;

import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Channel;

/**
 * Writes the one INFO line per cancel and counts it, once its result is recorded: a result the journal could not take
 * is answered as the journal's failure, and its run is repeated later, so it is neither logged nor counted as it was.
 * A run taken over by another before it stored its result is logged as such (its caller was answered) but not counted:
 * the run that took over counts the request.
 */
@ApplicationScoped
@Named("reportCancel")
public class ReportCancel implements Processor {

    private static final Logger LOG = Logger.getLogger("io.cancelgateway.cancel");

    private final CancelMetrics metrics;

    public ReportCancel(CancelMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        CancelResult result = exchange.getMessage().getMandatoryBody(CancelResult.class);
        Channel channel = Channel.byId(exchange.getProperty(CancelExchange.CHANNEL, String.class));
        // A new run's duration as its answer gives it; a replay's is this request's, not the stored run's.
        long durationMs = result.replayed() ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime()
                - exchange.getProperty(CancelExchange.STARTED_NANOS, Long.class)) : result.durationMs();
        boolean takenOver = exchange.getProperty(CancelExchange.TAKEN_OVER, false, Boolean.class);
        if (!takenOver) {
            metrics.cancelCompleted(result, channel);
        }
        LOG.infof("cancel request_id=%s channel=%s provider=%s merchant_id=%s reference=%s outcome=%s attempts=%d "
                + "http_status=%s replayed=%s duration_ms=%d%s%s", LogValue.of(result.requestId()), channel.id(),
                LogValue.of(result.provider()), LogValue.of(result.merchantId()), LogValue.of(result.reference()),
                result.outcome(), result.attempts(), result.httpStatus(), result.replayed(), durationMs,
                takenOver ? " taken_over=true" : "",
                result.error() == null ? "" : " error=" + LogValue.quoted(result.error()));
    }
}

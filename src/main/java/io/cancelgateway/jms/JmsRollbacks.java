package io.cancelgateway.jms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.jboss.logging.Logger;
import org.springframework.util.ErrorHandler;

import io.cancelgateway.flow.LogValue;
import io.cancelgateway.journal.JournalUnavailable;
import io.cancelgateway.journal.RequestInProgress;

/**
 * Told of every delivery whose processing failed, once its transaction is rolled back: neither its result nor any copy
 * was sent, and the broker delivers the request again after its redelivery delay, or moves it to the dead-letter queue
 * after the last attempt. A known technical failure (the journal unreachable, a duplicate still in progress) is logged
 * in one line, not a trace per message.
 */
@ApplicationScoped
@Named("jmsRollbacks")
public class JmsRollbacks implements ErrorHandler {

    private static final Logger LOG = Logger.getLogger("io.cancelgateway.jms");

    private final JmsChannelMetrics metrics;

    public JmsRollbacks(JmsChannelMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handleError(Throwable failure) {
        metrics.rolledBack();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JournalUnavailable || cause instanceof RequestInProgress) {
                LOG.warnf("jms request rolled back for the broker to redeliver: %s", LogValue.quoted(cause.getMessage()));
                return;
            }
        }
        LOG.warn("jms request rolled back for the broker to redeliver after an unexpected failure", failure);
    }
}

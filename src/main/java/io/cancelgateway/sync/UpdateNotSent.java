package io.cancelgateway.sync;

import java.time.Duration;
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
 * updates of the run go on. One that still cannot be sent {@link #GIVE_UP_AFTER} after its result's following would
 * have ended (its destination refuses it for good) is given up, with an ERROR line, rather than tried for ever.
 */
@ApplicationScoped
@Named("updateNotSent")
public class UpdateNotSent implements Processor {

    private static final Logger LOG = Logger.getLogger("io.cancelgateway.sync");
    /**
     * How long after the end of its following an update is still sent again: the last changes (EXPIRED above all) are
     * found at that end, and a broker's short outage then must not lose them. An hour is a dozen tries at the default
     * lease of 5 minutes.
     */
    static final Duration GIVE_UP_AFTER = Duration.ofHours(1);

    private final CancelJournal journal;

    public UpdateNotSent(CancelJournal journal) {
        this.journal = journal;
    }

    @Override
    public void process(Exchange exchange) {
        DueCheck check = exchange.getProperty(PrepareStatusCheck.CHECK, DueCheck.class);
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String why = failure == null ? "unknown" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (givenUp(check.followUntil(), Instant.now())) {
            journal.announced(check);
            LOG.errorf("request_id=%s client=%s: its update message could not be sent until %d minutes after its "
                    + "following ended; given up (the result is in the journal): %s", LogValue.of(check.requestId()),
                    check.client(), GIVE_UP_AFTER.toMinutes(), LogValue.quoted(why));
            return;
        }
        LOG.warnf("request_id=%s client=%s: update message not sent, sent again later: %s",
                LogValue.of(check.requestId()), check.client(), LogValue.quoted(why));
    }

    /** Whether an update not sent at {@code now} is given up: only {@link #GIVE_UP_AFTER} past its following's end. */
    static boolean givenUp(Instant followUntil, Instant now) {
        return followUntil != null && now.isAfter(followUntil.plus(GIVE_UP_AFTER));
    }
}

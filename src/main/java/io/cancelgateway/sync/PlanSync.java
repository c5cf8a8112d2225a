package io.cancelgateway.sync;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.cancelgateway.flow.CancelExchange;
import io.cancelgateway.journal.FollowUp;
import io.cancelgateway.journal.ReplyAddress;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.model.SyncState;

/**
 * Decides whether a new result is followed at the provider, and stamps its sync state: a PENDING result, or an ERROR
 * whose call may have reached the provider, is FOLLOWING when its provider can follow it (the provider route says so)
 * and sync is enabled, NOT_FOLLOWED otherwise; so is AUTH_FAILED; a REJECTED after an attempt whose outcome is unknown
 * is FOLLOWING when its provider can follow it, else FINAL; every other outcome is FINAL. A replay keeps the stored
 * result's state.
 */
@ApplicationScoped
@Named("planSync")
public class PlanSync implements Processor {

    /** The exchange property holding the {@link FollowUp} of a followed result, for the journal. */
    public static final String FOLLOW_UP = "CancelFollowUp";

    private final SyncConfig config;
    private final SyncSchedule schedule;
    private final Clock clock = Clock.systemUTC();

    public PlanSync(SyncConfig config) {
        this.config = config;
        this.schedule = SyncSchedule.of(config);
    }

    @Override
    public void process(Exchange exchange) {
        CancelResult result = exchange.getProperty(CancelExchange.RESULT, CancelResult.class);
        if (result == null || exchange.getProperty(CancelExchange.REPLAYED, false, Boolean.class)) {
            return;
        }
        boolean followable = config.enabled()
                && exchange.getProperty(CancelExchange.FOLLOWABLE, false, Boolean.class);
        SyncState state = stateOf(result.outcome(), followable);
        if (state != SyncState.FOLLOWING) {
            exchange.setProperty(CancelExchange.RESULT, result.withSync(state, null, null, 0));
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant until = now.plus(config.deadline());
        exchange.setProperty(CancelExchange.RESULT,
                result.withSync(state, schedule.firstCheck(now, until).toString(), null, 0));
        exchange.setProperty(FOLLOW_UP, new FollowUp(until,
                exchange.getProperty(CancelExchange.REPLY_ADDRESS, ReplyAddress.class)));
    }

    /** The sync state of a new result, given whether its provider can follow it. */
    static SyncState stateOf(Outcome outcome, boolean followable) {
        return switch (outcome) {
            case PENDING, ERROR -> followable ? SyncState.FOLLOWING : SyncState.NOT_FOLLOWED;
            case AUTH_FAILED -> SyncState.NOT_FOLLOWED;
            case REJECTED -> followable ? SyncState.FOLLOWING : SyncState.FINAL;
            default -> SyncState.FINAL;
        };
    }
}

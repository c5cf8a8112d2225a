package io.cancelgateway.sync;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.jboss.logging.Logger;

import io.cancelgateway.flow.CancelExchange;
import io.cancelgateway.flow.CancelMetrics;
import io.cancelgateway.flow.LogValue;
import io.cancelgateway.journal.CancelJournal;
import io.cancelgateway.journal.DueCheck;
import io.cancelgateway.model.CancelResult;
import io.cancelgateway.model.Channel;
import io.cancelgateway.model.SyncState;
import io.cancelgateway.provider.AttemptRecord;

/**
 * Stores what a status check found ({@link StatusCheckResults}) with its calls, schedules the next check, counts and
 * logs it (one INFO line per check), and leaves a {@link SyncUpdate} as the body: whether the caller is to hear of a
 * change. A REST caller reads the result when it likes; JMS and file callers are told. A leased result whose caller
 * only is left to tell is passed on unchecked.
 */
@ApplicationScoped
@Named("applyStatusCheck")
public class ApplyStatusCheck implements Processor {

    private static final Logger LOG = Logger.getLogger("io.cancelgateway.sync");

    private final CancelJournal journal;
    private final CancelMetrics metrics;
    private final SyncSchedule schedule;
    private final Clock clock = Clock.systemUTC();

    public ApplyStatusCheck(CancelJournal journal, CancelMetrics metrics, SyncConfig config) {
        this.journal = journal;
        this.metrics = metrics;
        this.schedule = SyncSchedule.of(config);
    }

    @Override
    public void process(Exchange exchange) {
        DueCheck check = exchange.getProperty(PrepareStatusCheck.CHECK, DueCheck.class);
        if (check.announceOnly()) {
            exchange.getMessage().setBody(new SyncUpdate(check, check.result(), true));
            return;
        }
        CancelResult current = check.result();
        StatusFinding finding = exchange.getProperty(StatusFinding.PROPERTY, StatusFinding.class);
        if (finding == null) {
            finding = StatusFinding.failed(current.provider() + " has no status API");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant until = check.followUntil() == null ? now : check.followUntil();
        Optional<Instant> next = schedule.nextCheck(current.statusChecks() + 1, now, until);
        CancelResult updated = StatusCheckResults.apply(current, finding, now, next);
        boolean changed = updated.outcome() != current.outcome() || updated.syncState() != SyncState.FOLLOWING;
        boolean announce = changed && check.channel() != Channel.REST;
        @SuppressWarnings("unchecked")
        List<AttemptRecord> calls = exchange.getProperty(CancelExchange.ATTEMPTS, List.of(), List.class);
        boolean stored = journal.recordStatusCheck(check, updated, calls, announce);
        String found = finding.verdict() == null ? "ERROR" : finding.verdict().outcome().name();
        metrics.statusChecked(current.provider(), found);
        long started = exchange.getProperty(CancelExchange.STARTED_NANOS, System.nanoTime(), Long.class);
        LOG.infof("status-check request_id=%s channel=%s provider=%s found=%s outcome=%s sync_state=%s checks=%d "
                + "duration_ms=%d%s", LogValue.of(check.requestId()), check.channel().id(), current.provider(), found,
                updated.outcome(), updated.syncState(), updated.statusChecks(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                finding.failure() == null ? "" : " error=" + LogValue.quoted(finding.failure()));
        if (!stored) {
            LOG.warnf("request_id=%s was attempted again or taken by another instance during its status check; the "
                    + "check is dropped", LogValue.of(check.requestId()));
        }
        exchange.getMessage().setBody(new SyncUpdate(check, updated, stored && announce));
    }
}

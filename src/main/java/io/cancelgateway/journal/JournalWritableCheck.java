package io.cancelgateway.journal;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness follows whether the journal commits writes: DOWN while it cannot (the database down, its disk full) or its
 * writes wait (a lock held elsewhere, a long purge), UP again as soon as they are committed. No request is taken that
 * could not be recorded.
 */
@Readiness
@ApplicationScoped
public class JournalWritableCheck implements HealthCheck {

    private static final String NAME = "Journal writes";
    /** Far above a batch's few milliseconds, even of a full batch on a slow disk. */
    private static final Duration STALLED_AFTER = Duration.ofSeconds(2);
    /**
     * A failure of the journal keeps it DOWN until a write commits, or this long after the last one: with no traffic
     * (none comes while it is DOWN), the probe's own write decides again.
     */
    private static final Duration FAILURE_REMEMBERED = Duration.ofSeconds(10);

    private final CancelJournal journal;

    public JournalWritableCheck(CancelJournal journal) {
        this.journal = journal;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            journal.probe(STALLED_AFTER, FAILURE_REMEMBERED);
            return HealthCheckResponse.up(NAME);
        } catch (JournalUnavailable unavailable) {
            Throwable cause = unavailable.getCause() != null ? unavailable.getCause() : unavailable;
            return HealthCheckResponse.named(NAME).down()
                    .withData("error", String.valueOf(cause.getMessage()).lines().findFirst().orElse(""))
                    .build();
        }
    }
}

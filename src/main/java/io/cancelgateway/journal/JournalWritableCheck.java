package io.cancelgateway.journal;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness follows whether the journal can commit a write: DOWN while it cannot (the database down, its disk full),
 * UP again as soon as it can. No request is taken that could not be recorded.
 */
@Readiness
@ApplicationScoped
public class JournalWritableCheck implements HealthCheck {

    private static final String NAME = "Journal writes";

    private final CancelJournal journal;

    public JournalWritableCheck(CancelJournal journal) {
        this.journal = journal;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            journal.probe();
            return HealthCheckResponse.up(NAME);
        } catch (JournalUnavailable unavailable) {
            Throwable cause = unavailable.getCause() != null ? unavailable.getCause() : unavailable;
            return HealthCheckResponse.named(NAME).down()
                    .withData("error", String.valueOf(cause.getMessage()).lines().findFirst().orElse(""))
                    .build();
        }
    }
}

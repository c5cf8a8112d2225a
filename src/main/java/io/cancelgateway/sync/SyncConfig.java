package io.cancelgateway.sync;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/**
 * Status sync, {@code cancel.sync.*}: how results whose outcome is not final are followed at the provider. The
 * defaults are in {@code application.properties}; the sync route reads some of them as placeholders.
 */
@ConfigMapping(prefix = "cancel.sync")
public interface SyncConfig {

    /** Whether results are followed at all; when false every PENDING result is NOT_FOLLOWED. */
    boolean enabled();

    /** The wait before a result's first status check. */
    Duration firstDelay();

    /** The longest wait between two checks; the wait doubles from the first delay up to it. */
    Duration maxInterval();

    /** How long after the cancel a result is followed at most; then its sync state is EXPIRED. */
    Duration deadline();

    /** Status checks running at once, all providers together. */
    int concurrency();

    /** How often the journal is asked for due checks. */
    Duration pollInterval();

    /** How long an instance holds a due result before another may take it (after a crash); above any deadline. */
    Duration lease();

    /** The shortest time from the end of a result's last status check to one asked for over REST. */
    Duration askedMinInterval();
}

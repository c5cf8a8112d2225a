package io.cancelgateway.call;

import java.time.Duration;
import java.util.Collection;

import io.cancelgateway.provider.ProviderSettings;

/**
 * The providers' deadlines against the times after which another run may take a call's work over, or a caller's
 * connection is closed. A cancel claimed in the journal calls its provider until its deadline; a claim older than
 * {@code cancel.idempotency.stale-after} is taken over by the next duplicate, which calls the provider again. A status
 * check holds its result's lease while it calls the status API until the same deadline; after {@code cancel.sync.lease}
 * another instance checks it again. A deadline as long as either would let a run still going be repeated. And the HTTP
 * server closes a connection that nothing was read from or written to for {@code quarkus.http.idle-timeout} (unless
 * zero), an answer being awaited or not: a REST duplicate may wait up to {@code cancel.idempotency.wait} for the run in
 * progress, then take a stale one over and call the provider up to its deadline, so the two together must end before
 * it, or the caller gets its connection closed instead of its answer. The service refuses to start with any of these.
 */
final class CallDeadlines {

    static final String STALE_AFTER = "cancel.idempotency.stale-after";
    static final String LEASE = "cancel.sync.lease";
    static final String IDLE_TIMEOUT = "quarkus.http.idle-timeout";
    static final String DUPLICATE_WAIT = "cancel.idempotency.wait";

    private CallDeadlines() {
    }

    /** @throws IllegalStateException naming both properties when a deadline or the wait is not shorter than a limit */
    static void check(Collection<ProviderSettings> providers, Duration staleAfter, Duration lease, Duration idleTimeout,
            Duration duplicateWait) {
        for (ProviderSettings settings : providers) {
            String deadline = settings.keyProperty("deadline");
            refuseUnlessShorter(deadline, settings.deadline(), STALE_AFTER, staleAfter,
                    "a duplicate would take over a cancel still calling the provider and call it again");
            refuseUnlessShorter(deadline, settings.deadline(), LEASE, lease,
                    "another instance would check a result whose status check is still running");
            if (!idleTimeout.isZero()) {
                refuseUnlessShorter(DUPLICATE_WAIT + " (" + duplicateWait + ") plus " + deadline,
                        duplicateWait.plus(settings.deadline()), IDLE_TIMEOUT, idleTimeout,
                        "the HTTP server would close a REST caller's connection before its answer");
            }
        }
    }

    private static void refuseUnlessShorter(String property, Duration value, String limitProperty, Duration limit,
            String why) {
        if (value.compareTo(limit) >= 0) {
            throw new IllegalStateException(property + " (" + value + ") must be shorter than " + limitProperty + " ("
                    + limit + "): " + why);
        }
    }
}

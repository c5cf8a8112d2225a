package io.cancelgateway.call;

import java.time.Duration;
import java.util.Collection;

import io.cancelgateway.provider.ProviderSettings;

/**
 * The providers' deadlines against the times after which another run may take a call's work over. A cancel claimed in
 * the journal calls its provider until its deadline; a claim older than {@code cancel.idempotency.stale-after} is taken
 * over by the next duplicate, which calls the provider again. A status check holds its result's lease while it calls
 * the status API until the same deadline; after {@code cancel.sync.lease} another instance checks it again. A deadline
 * as long as either would let a run still going be repeated, so the service refuses to start with one.
 */
final class CallDeadlines {

    static final String STALE_AFTER = "cancel.idempotency.stale-after";
    static final String LEASE = "cancel.sync.lease";

    private CallDeadlines() {
    }

    /** @throws IllegalStateException naming both properties when a provider's deadline is not shorter than either */
    static void check(Collection<ProviderSettings> providers, Duration staleAfter, Duration lease) {
        for (ProviderSettings settings : providers) {
            refuseUnlessShorter(settings, STALE_AFTER, staleAfter,
                    "a duplicate would take over a cancel still calling the provider and call it again");
            refuseUnlessShorter(settings, LEASE, lease,
                    "another instance would check a result whose status check is still running");
        }
    }

    private static void refuseUnlessShorter(ProviderSettings settings, String property, Duration limit, String why) {
        if (settings.deadline().compareTo(limit) >= 0) {
            throw new IllegalStateException(settings.keyProperty("deadline") + " (" + settings.deadline()
                    + ") must be shorter than " + property + " (" + limit + "): " + why);
        }
    }
}

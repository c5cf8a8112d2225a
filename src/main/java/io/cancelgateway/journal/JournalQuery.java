package io.cancelgateway.journal;

import java.time.Instant;

/**
 * Filters of the results list; null means "any", but the client, whose results alone are listed.
 *
 * @param since received at or after
 * @param until received before
 * @param cursor where the previous page ended, as returned in {@link JournalPage#next()}
 */
public record JournalQuery(String client, String provider, String merchantId, String reference, String outcome, String channel,
        String syncState, Instant since, Instant until, int limit, String cursor) {

    /** The receipt times a query may name: what a timestamp column holds (farther instants no database takes). */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** Whether a query may name this receipt time. */
    public static boolean holdable(Instant receivedAt) {
        return !receivedAt.isBefore(EARLIEST) && !receivedAt.isAfter(LATEST);
    }
}

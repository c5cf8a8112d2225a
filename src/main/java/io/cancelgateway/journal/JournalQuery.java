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
}

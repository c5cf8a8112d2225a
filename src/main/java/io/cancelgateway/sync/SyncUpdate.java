package io.cancelgateway.sync;

import io.cancelgateway.journal.DueCheck;
import io.cancelgateway.model.CancelResult;

/**
 * A followed result after a status check.
 *
 * @param result the result as now stored
 * @param announce whether its caller is to hear of a change on its channel (a JMS update message, a file updates file)
 */
public record SyncUpdate(DueCheck check, CancelResult result, boolean announce) {
}

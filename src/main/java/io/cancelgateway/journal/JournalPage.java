package io.cancelgateway.journal;

import java.util.List;

import io.cancelgateway.model.CancelResult;

/** One page of results, newest first; {@code next} is the cursor of the following page, null on the last. */
public record JournalPage(List<CancelResult> items, String next) {
}

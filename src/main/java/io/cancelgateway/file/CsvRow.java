package io.cancelgateway.file;

import io.cancelgateway.model.CancelRequest;

/**
 * One data row of a request file. {@code row} is its 1-based number among the data rows (the header and skipped blank
 * lines do not count), so results can be matched to the ERP's lines. {@code request} is never null; validating it is
 * the flow's job. {@code problem} is null unless the row could not be read as a CSV record at all; such a row is the
 * last one read and its request has no fields.
 */
public record CsvRow(int row, CancelRequest request, String problem) {
}

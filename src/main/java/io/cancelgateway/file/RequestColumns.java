package io.cancelgateway.file;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;

import io.cancelgateway.model.CancelRequest;

/**
 * Where a request file's header puts each request field. Names match the canonical snake_case fields, trimmed and
 * ignoring case; other columns are ignored. A field named twice rejects the file: guessing which of two references to
 * cancel is not safe.
 */
final class RequestColumns {

    static final String REQUEST_ID = "request_id";
    static final String PROVIDER = "provider";
    static final String MERCHANT_ID = "merchant_id";
    static final String REFERENCE = "reference";
    static final String REASON = "reason";
    static final String CUSTOMER_ID = "customer_id";
    static final String PARENT_REFERENCE = "parent_reference";

    private static final List<String> FIELDS =
            List.of(REQUEST_ID, PROVIDER, MERCHANT_ID, REFERENCE, REASON, CUSTOMER_ID, PARENT_REFERENCE);

    private final Map<String, Integer> positions;

    private RequestColumns(Map<String, Integer> positions) {
        this.positions = positions;
    }

    static RequestColumns of(List<String> header) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String field = header.get(i).toLowerCase(Locale.ROOT);
            if (FIELDS.contains(field) && positions.putIfAbsent(field, i) != null) {
                throw new CsvFileRejected("the header has the column " + field + " more than once");
            }
        }
        if (!positions.containsKey(REFERENCE)) {
            throw new CsvFileRejected(
                    "the header has no reference column; columns found: " + String.join(", ", header));
        }
        return new RequestColumns(positions);
    }

    CancelRequest requestFrom(CSVRecord record) {
        return new CancelRequest(cell(record, REQUEST_ID), cell(record, PROVIDER), cell(record, MERCHANT_ID),
                cell(record, REFERENCE), cell(record, REASON), cell(record, CUSTOMER_ID),
                cell(record, PARENT_REFERENCE));
    }

    private String cell(CSVRecord record, String field) {
        Integer position = positions.get(field);
        if (position == null || position >= record.size()) {
            return null;
        }
        String value = record.get(position);
        return value.isEmpty() ? null : value;
    }
}

package io.cancelgateway.journal;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One HTTP call made for a request, as stored (the response body masked and cut at 4 KiB).
 *
 * @param kind {@code cancel}, or {@code status} for a check of the target's status
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StoredAttempt(String kind, int attempt, String startedAt, Integer httpStatus, long durationMs, String failure,
        String responseBody) {
}

package io.cancelgateway.provider;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times that providers state in ISO-8601 and document as UTC, written with or without the offset. A result's
 * {@code cancelled_at} always carries one.
 */
public final class IsoTime {

    private IsoTime() {
    }

    /** The time with its offset, UTC when it states none; null when absent or unreadable rather than guessed. */
    public static String withOffset(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException noOffset) {
            try {
                return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}

package io.cancelgateway.provider.kwikpaisa;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/** KwikPaisa's times, {@code dd-MM-yyyy hh:mm a} with no zone on the wire, read in the configured zone. */
final class KwikPaisaTime {

    /** Strict, so that an impossible date is refused rather than rolled over. */
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("dd-MM-uuuu hh:mm a")
            .toFormatter(Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);

    private final ZoneId zone;

    KwikPaisaTime(ZoneId zone) {
        this.zone = zone;
    }

    /** ISO-8601 with the zone's offset; null when absent or unreadable. */
    String withOffset(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim(), FORMAT).atZone(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}

package io.cancelgateway.call;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a provider's {@code Retry-After}: either delay-seconds or an HTTP date, in any of the three forms a recipient
 * must accept (RFC 9110, 5.6.7): IMF-fixdate, and the obsolete RFC 850 and asctime forms.
 */
public final class RetryAfter {

    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
            Locale.US).withZone(ZoneOffset.UTC);

    private RetryAfter() {
    }

    /** The wait the header asks for; empty when it says nothing readable. A date in the past asks for no wait. */
    public static Optional<Duration> delay(String value, Clock clock) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (!trimmed.isEmpty() && trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            String digits = trimmed.replaceFirst("^0+(?=.)", "");
            // More seconds than a long holds is still a wait longer than any cap.
            return Optional.of(digits.length() > 18 ? Duration.ofSeconds(Long.MAX_VALUE)
                    : Duration.ofSeconds(Long.parseLong(digits)));
        }
        for (DateTimeFormatter form : List.of(DateTimeFormatter.RFC_1123_DATE_TIME, rfc850(clock), ASCTIME)) {
            try {
                Duration until = Duration.between(clock.instant(), ZonedDateTime.parse(trimmed, form).toInstant());
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notThisForm) {
                // The next form, if any.
            }
        }
        return Optional.empty();
    }

    /** {@code Sunday, 06-Nov-94 08:49:37 GMT}: a two-digit year is the one within 50 years of now (RFC 9110). */
    private static DateTimeFormatter rfc850(Clock clock) {
        return new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
                .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.now(clock).minusYears(49))
                .appendPattern(" HH:mm:ss 'GMT'").toFormatter(Locale.US).withZone(ZoneOffset.UTC);
    }
}

package io.cancelgateway.provider.kwikpaisa;

import com.fasterxml.jackson.databind.JsonNode;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.CancelledWording;
import io.cancelgateway.provider.LenientJson;
import io.cancelgateway.provider.ProviderVerdict;
import io.cancelgateway.provider.StatusOutcomes;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads KwikPaisa's answers to a cancel. Success bodies carry {@code code} as a string and the order under
 * {@code return_data}; error bodies carry a boolean {@code status} and a numeric {@code code}. The cancel time has no
 * zone on the wire, so it is read in the configured zone.
 */
public final class KwikPaisaResponseTranslator {

    private static final String CANCELLED = "CANCELLED";

    /** {@code dd-MM-yyyy hh:mm a}, strict so that an impossible date is refused rather than rolled over. */
    private static final DateTimeFormatter CANCELLED_AT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("dd-MM-uuuu hh:mm a")
            .toFormatter(Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);

    /** The order state some refusals name, e.g. "Permission denied: order status is PAID." */
    private static final Pattern STATED_STATUS = Pattern.compile("\\bstatus\\s+is\\s+([A-Za-z_]+)",
            Pattern.CASE_INSENSITIVE);

    /** An HTTP error status written as a body code. */
    private static final Pattern STATED_CODE = Pattern.compile("[45][0-9]{2}");

    private final ZoneId zone;

    public KwikPaisaResponseTranslator(ZoneId zone) {
        this.zone = zone;
    }

    public ProviderVerdict translate(int httpStatus, String body) {
        JsonNode json = LenientJson.parse(body);
        String code = LenientJson.text(json, "code");
        String message = LenientJson.text(json, "message");
        int effectiveStatus = isSuccess(httpStatus) ? statusStatedBy(json, code, httpStatus) : httpStatus;
        if (isSuccess(effectiveStatus)) {
            return success(json, code, message);
        }
        return new ProviderVerdict(errorOutcome(effectiveStatus, message), statedStatus(message), code, message, null);
    }

    private ProviderVerdict success(JsonNode json, String code, String message) {
        String orderStatus = LenientJson.text(json, "return_data", "order_status");
        if (!CANCELLED.equalsIgnoreCase(orderStatus)) {
            return new ProviderVerdict(Outcome.PENDING, orderStatus, code, message, null);
        }
        String cancelledAt = cancelledAt(LenientJson.text(json, "return_data", "cancelled_at"));
        return new ProviderVerdict(Outcome.CANCELLED, orderStatus, code, message, cancelledAt);
    }

    private static Outcome errorOutcome(int status, String message) {
        boolean refusalOfState = status == 400 || status == 409 || status == 422;
        if (refusalOfState && CancelledWording.statesAlreadyCancelled(message)) {
            return Outcome.ALREADY_CANCELLED;
        }
        return StatusOutcomes.forStatus(status);
    }

    /**
     * A 2xx whose body is an error envelope ({@code "status":false} with an error code) is read as that error, so an
     * explicit refusal is never reported as pending.
     */
    private static int statusStatedBy(JsonNode json, String code, int httpStatus) {
        JsonNode status = json.path("status");
        if (status.isBoolean() && !status.booleanValue() && code != null && STATED_CODE.matcher(code).matches()) {
            return Integer.parseInt(code);
        }
        return httpStatus;
    }

    private String cancelledAt(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim(), CANCELLED_AT).atZone(zone)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private static String statedStatus(String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = STATED_STATUS.matcher(message);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }
}

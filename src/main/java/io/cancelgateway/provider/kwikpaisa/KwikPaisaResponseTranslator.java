package io.cancelgateway.provider.kwikpaisa;

import com.fasterxml.jackson.databind.JsonNode;
import io.cancelgateway.model.Outcome;
import io.cancelgateway.provider.CallKind;
import io.cancelgateway.provider.CancelledWording;
import io.cancelgateway.provider.LenientJson;
import io.cancelgateway.provider.ProviderVerdict;
import io.cancelgateway.provider.StatusOutcomes;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads KwikPaisa's answers to a cancel. Success bodies carry {@code code} as a string and the order under
 * {@code return_data}; error bodies carry a boolean {@code status} and a numeric {@code code}. The cancel time has no
 * zone on the wire, so it is read in the configured zone.
 */
public final class KwikPaisaResponseTranslator {

    private static final String CANCELLED = "CANCELLED";

    /** The order state some refusals name, e.g. "Permission denied: order status is PAID." */
    private static final Pattern STATED_STATUS = Pattern.compile("\\bstatus\\s+is\\s+([A-Za-z_]+)",
            Pattern.CASE_INSENSITIVE);

    /** An HTTP error status written as a body code. */
    static final Pattern STATED_CODE = Pattern.compile("[45][0-9]{2}");

    private final KwikPaisaTime time;

    /**
     * Every field an order answer may carry, to a cancel or a status call: success bodies have {@code code} as a
     * string and the order under {@code return_data}; error bodies a boolean {@code status} and a numeric
     * {@code code}.
     */
    record OrderAnswer(String code, Boolean succeeded, String message, String orderStatus, String cancelledAt) {

        static OrderAnswer read(JsonNode json) {
            JsonNode status = json.path("status");
            return new OrderAnswer(LenientJson.text(json, "code"), status.isBoolean() ? status.booleanValue() : null,
                    LenientJson.text(json, "message"), LenientJson.text(json, "return_data", "order_status"),
                    LenientJson.text(json, "return_data", "cancelled_at"));
        }

        /** Whether this is KwikPaisa's own not-found answer: its error body with code 404, on a 404. */
        boolean statesNotFound(int effectiveStatus) {
            return effectiveStatus == 404 && Boolean.FALSE.equals(succeeded) && "404".equals(code);
        }

        /**
         * The status this answer to a call of that kind states: a 2xx whose body is an error envelope
         * ({@code "status":false} with a 4xx or 5xx code) is that error, so an explicit refusal is never read as
         * pending; for a status check also a 2xx with such a code and no order ("order not found" in a 200 is no
         * pending order). Any other answer states its HTTP status.
         */
        int statedStatus(CallKind kind, int httpStatus) {
            boolean refusal = Boolean.FALSE.equals(succeeded) || kind == CallKind.STATUS && orderStatus == null;
            return isSuccess(httpStatus) && refusal && code != null && STATED_CODE.matcher(code).matches()
                    ? Integer.parseInt(code) : httpStatus;
        }
    }

    public KwikPaisaResponseTranslator(ZoneId zone) {
        this.time = new KwikPaisaTime(zone);
    }

    public ProviderVerdict translate(int httpStatus, String body) {
        OrderAnswer answer = OrderAnswer.read(LenientJson.parse(body));
        int effectiveStatus = answer.statedStatus(CallKind.CANCEL, httpStatus);
        if (isSuccess(effectiveStatus)) {
            return success(answer);
        }
        Outcome outcome = answer.statesNotFound(effectiveStatus) ? Outcome.NOT_FOUND
                : errorOutcome(effectiveStatus, answer.message());
        return new ProviderVerdict(outcome, statedStatus(answer.message()), answer.code(), answer.message(), null);
    }

    private ProviderVerdict success(OrderAnswer answer) {
        if (!CANCELLED.equalsIgnoreCase(answer.orderStatus())) {
            return new ProviderVerdict(Outcome.PENDING, answer.orderStatus(), answer.code(), answer.message(), null);
        }
        return new ProviderVerdict(Outcome.CANCELLED, answer.orderStatus(), answer.code(), answer.message(),
                time.withOffset(answer.cancelledAt()));
    }

    /** The error table: a refusal naming an already cancelled order is that; otherwise the status decides. */
    static Outcome errorOutcome(int status, String message) {
        boolean refusalOfState = status == 400 || status == 409 || status == 422;
        if (refusalOfState && CancelledWording.statesAlreadyCancelled(message)) {
            return Outcome.ALREADY_CANCELLED;
        }
        return StatusOutcomes.forStatus(status);
    }

    /** The status an answer states ({@link io.cancelgateway.provider.ProviderApi#statedStatus}). */
    static int statedStatus(CallKind kind, int httpStatus, String body) {
        // Only a 2xx may state another: an error's body is not read for it.
        return isSuccess(httpStatus) ? OrderAnswer.read(LenientJson.parse(body)).statedStatus(kind, httpStatus)
                : httpStatus;
    }

    private static String statedStatus(String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = STATED_STATUS.matcher(message);
        return matcher.find() ? matcher.group(1) : null;
    }

    static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }
}

package io.cancelgateway.flow;

import java.util.Optional;
import java.util.regex.Pattern;

import io.cancelgateway.model.CancelRequest;

/**
 * The gateway's own checks, made before anything reaches a provider. Ids end up in URL paths and HTTP headers, so
 * anything that could add a path segment, a header or a query is refused rather than escaped.
 */
public final class CancelRequestValidator {

    static final int MAX_ID_LENGTH = 128;
    static final int MAX_REASON_LENGTH = 256;
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:][A-Za-z0-9._:-]*");
    /** Visible ASCII but '/' and '\'; no character a spreadsheet reads as the start of a formula at the start. */
    private static final Pattern SAFE_ID = Pattern.compile("[!-~&&[^/\\\\=+@-]][!-~&&[^/\\\\]]*");
    // A reason only travels JSON-encoded; line breaks and tabs (an ERP's multi-line comment) are kept, every other
    // control character and every format character (bidirectional overrides, zero-width characters) refused. So is
    // half of a character (a lone surrogate, left by text cut in UTF-16 units): PostgreSQL's driver stores it as '?',
    // and the stored request would no longer be the same as its repeat, which would be refused as a reused key.
    private static final Pattern UNSAFE_TEXT = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}&&[^\\t\\r\\n]]");

    private CancelRequestValidator() {
    }

    /** Why the request cannot be processed, or empty when it can. */
    public static Optional<String> problem(CancelRequest request) {
        if (request.reference() == null || request.reference().isBlank()) {
            return Optional.of("reference is required");
        }
        return firstOf(
                id("reference", request.reference()),
                id("merchant_id", request.merchantId()),
                id("customer_id", request.customerId()),
                id("parent_reference", request.parentReference()),
                requestIdProblem("request_id", request.requestId()),
                reason(request.reason()));
    }

    /**
     * Why a value cannot be an id (a reference, a merchant or customer id, an idempotency key), or empty when it can:
     * ids go into URL paths, HTTP headers, file names and spreadsheets, so anything else is refused, not escaped.
     */
    private static Optional<String> id(String field, String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isEmpty()) {
            return Optional.of(field + " must not be empty");
        }
        if (value.length() > MAX_ID_LENGTH) {
            return Optional.of(field + " is longer than " + MAX_ID_LENGTH + " characters");
        }
        if (!SAFE_ID.matcher(value).matches() || value.contains("..") || value.equals(".")) {
            return Optional.of(field + " must be visible ASCII characters without '/', '\\' or '..', not start with "
                    + "'=', '+', '-' or '@', and not be '.'");
        }
        return Optional.empty();
    }

    /**
     * Whether the id can key the journal (an absent id is replaced by a generated one). Not {@code .} or {@code ..}:
     * in a URL path those are no segment, so {@code GET /api/v1/cancellations/..} could never read the request.
     */
    public static boolean usableRequestId(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_ID_LENGTH
                && REQUEST_ID.matcher(value).matches() && !value.equals(".") && !value.equals("..");
    }

    /** Why a request id, as {@code what} calls it (the field, or the header it came from), is none; empty if it is. */
    public static Optional<String> requestIdProblem(String what, String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!usableRequestId(value)) {
            return Optional.of(what + " must be 1 to " + MAX_ID_LENGTH
                    + " characters of letters, digits, '.', '_', ':' or '-', not starting with '-', and not '.' or '..'");
        }
        return Optional.empty();
    }

    private static Optional<String> reason(String value) {
        if (value == null) {
            return Optional.empty();
        }
        // Characters, not UTF-16 units: an emoji is one character of the reason.
        if (value.codePointCount(0, value.length()) > MAX_REASON_LENGTH) {
            return Optional.of("reason is longer than " + MAX_REASON_LENGTH + " characters");
        }
        if (UNSAFE_TEXT.matcher(value).find()) {
            return Optional.of("reason must not contain control or format characters other than tab and line breaks, "
                    + "nor half of a character (a lone UTF-16 surrogate)");
        }
        return Optional.empty();
    }

    @SafeVarargs
    private static Optional<String> firstOf(Optional<String>... checks) {
        for (Optional<String> check : checks) {
            if (check.isPresent()) {
                return check;
            }
        }
        return Optional.empty();
    }
}

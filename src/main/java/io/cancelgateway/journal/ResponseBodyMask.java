package io.cancelgateway.journal;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a provider's response body safe to store: values of secret-looking JSON fields and any of the gateway's own
 * keys are replaced, and the body is cut at 4 KiB.
 */
public final class ResponseBodyMask {

    static final int MAX_BYTES = 4096;
    private static final String MASK = "****";
    /**
     * A JSON field with a string value; group 1 is everything up to the value, group 2 the field's name. The value is
     * matched by possessive runs, not character by character: an alternation repeated per character recurses once per
     * character, and a provider's string of some thousands of them overflowed the stack.
     */
    private static final Pattern STRING_FIELD = Pattern.compile(
            "(\"([A-Za-z0-9_-]*)\"\\s*:\\s*)\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"");
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i:secret|token|password|api[_-]?key|signature|authorization)");

    private ResponseBodyMask() {
    }

    public static String mask(String body, Collection<String> secrets) {
        if (body == null) {
            return null;
        }
        // One pass over the string fields, the name tested apart: a single pattern naming the secret words had to
        // backtrack through every quoted string of the body.
        String masked = STRING_FIELD.matcher(body).replaceAll(field -> SECRET_NAME.matcher(field.group(2)).find()
                ? Matcher.quoteReplacement(field.group(1) + "\"" + MASK + "\"")
                : Matcher.quoteReplacement(field.group()));
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                masked = masked.replace(secret, MASK);
            }
        }
        return cut(masked);
    }

    private static String cut(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return text;
        }
        int end = MAX_BYTES;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--; // never split a UTF-8 sequence
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}

package io.cancelgateway.journal;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Makes a provider's response body safe to store: values of secret-looking JSON fields and any of the gateway's own
 * keys are replaced, and the body is cut at 4 KiB.
 */
public final class ResponseBodyMask {

    static final int MAX_BYTES = 4096;
    private static final String MASK = "****";
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(\"[A-Za-z0-9_-]*(?i:secret|token|password|api[_-]?key|signature|authorization)[A-Za-z0-9_-]*\"\\s*:\\s*)"
                    + "\"(?:[^\"\\\\]|\\\\.)*\"");

    private ResponseBodyMask() {
    }

    public static String mask(String body, Collection<String> secrets) {
        if (body == null) {
            return null;
        }
        String masked = SECRET_FIELD.matcher(body).replaceAll("$1\"" + MASK + "\"");
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

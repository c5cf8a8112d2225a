package io.cancelgateway.simulator;

import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Juspay's Basic authentication, for its order and payout APIs alike: the API key as user name and an empty password.
 */
final class JuspayCredentials {

    private final byte[] expected;

    JuspayCredentials(String apiKey) {
        this.expected = (apiKey + ":").getBytes(StandardCharsets.UTF_8);
    }

    /** Basic credentials must be exactly {@code <api key>:}: a password, or a key sent any other way, is refused. */
    boolean presentedBy(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        if (header == null) {
            return false;
        }
        int space = header.indexOf(' ');
        if (space < 0 || !"Basic".equalsIgnoreCase(header.substring(0, space))) {
            return false;
        }
        byte[] credentials;
        try {
            credentials = Base64.getDecoder().decode(header.substring(space + 1).trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(credentials, expected);
    }
}

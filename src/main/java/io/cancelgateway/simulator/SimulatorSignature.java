package io.cancelgateway.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks KwikPaisa request signatures: lowercase hex HMAC-SHA256 keyed with the secret key, over the canonical form of
 * the parsed body immediately followed by the timestamp header as sent.
 */
final class SimulatorSignature {

    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final SecretKeySpec key;

    SimulatorSignature(String secretKey) {
        this.key = new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /**
     * @throws IllegalArgumentException when the body is not JSON
     */
    String expectedFor(String body, String timestamp) {
        return hex(hmac(CanonicalJson.of(body) + timestamp));
    }

    /** Compares in constant time; a body that is not JSON never matches. */
    boolean matches(String body, String timestamp, String presented) {
        if (presented == null) {
            return false;
        }
        String expected;
        try {
            expected = expectedFor(body, timestamp);
        } catch (IllegalArgumentException notJson) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] hmac(String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException missingFromTheJdk) {
            throw new IllegalStateException("HmacSHA256 is not available", missingFromTheJdk);
        }
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }
}

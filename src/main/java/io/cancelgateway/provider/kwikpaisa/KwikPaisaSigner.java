package io.cancelgateway.provider.kwikpaisa;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * KwikPaisa's request signature: lowercase hex HMAC-SHA256, keyed with the secret key (not the API key), over the
 * signed payload text immediately followed by the timestamp in decimal.
 */
public final class KwikPaisaSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private KwikPaisaSigner() {
    }

    public static String sign(String secretKey, String payloadJson, long epochSeconds) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            byte[] digest = mac.doFinal((payloadJson + epochSeconds).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException missingFromTheJdk) {
            throw new IllegalStateException("HmacSHA256 is not available", missingFromTheJdk);
        }
    }
}

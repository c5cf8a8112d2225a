package io.cancelgateway.provider.juspay;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/** Basic authentication as both Juspay APIs expect it: the API key is the user name, the password is empty. */
final class JuspayBasicAuth {

    private JuspayBasicAuth() {
    }

    static Map<String, String> headers(String apiKey) {
        Objects.requireNonNull(apiKey, "Juspay API key");
        return Map.of("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8)));
    }
}

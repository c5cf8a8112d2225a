package io.cancelgateway.provider;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A provider call as the provider's API defines it, before authentication: what the HTTP endpoint sends on top of the
 * provider's base URL. Holds no credential.
 *
 * @param method HTTP method
 * @param path the path below the base URL, starting with {@code /}, path parameters already encoded
 * @param headers the call's own headers (content type, merchant and routing ids), in the provider's documented order
 * @param body the body bytes exactly as sent (and, where the provider signs, as signed); empty for none
 */
public record ProviderRequest(String method, String path, Map<String, String> headers, byte[] body) {

    public ProviderRequest {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
    }
}

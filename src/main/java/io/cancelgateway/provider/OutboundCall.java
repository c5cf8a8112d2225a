package io.cancelgateway.provider;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One HTTP call to a provider, exactly as it goes on the wire. Built fresh for every attempt so that time-based
 * signatures are never reused.
 *
 * @param method HTTP method
 * @param uri absolute URI, path parameters already encoded
 * @param headers every header sent, in order
 * @param body the body bytes, or an empty array for none
 */
public record OutboundCall(String method, URI uri, Map<String, String> headers, byte[] body) {

    /** Headers whose values are credentials or signatures; never logged or stored. */
    public static final Set<String> SECRET_HEADERS = Set.of("authorization", "api-key", "x-api-key", "x-signature");

    public OutboundCall {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
    }

    @Override
    public String toString() {
        StringBuilder shown = new StringBuilder();
        headers.forEach((name, value) -> shown.append(name).append('=')
                .append(SECRET_HEADERS.contains(name.toLowerCase()) ? "****" : value).append(", "));
        return "OutboundCall[" + method + " " + uri + ", headers={" + shown + "}, body=" + body.length + " bytes]";
    }
}
